package org.newsgraph.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/** ontology/newsgraph.ttl as an OWL tool (OWL API, HermiT: what Protege uses) sees it. */
class OntologyProfileTest {

    @Test
    void theOntologyIsInOwl2DlConsistentAndEveryClassSatisfiable() throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File("ontology/newsgraph.ttl"));
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        List<String> violations = report.getViolations().stream().map(Object::toString).sorted().toList();
        assertEquals(List.of(), violations, violations.size() + " OWL 2 DL violations");
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(ontology);
        try {
            assertTrue(reasoner.isConsistent());
            assertEquals(List.of(), reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom().stream()
                    .map(Object::toString).collect(Collectors.toList()));
        } finally {
            reasoner.dispose();
        }
    }
}
