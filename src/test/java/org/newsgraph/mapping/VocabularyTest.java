package org.newsgraph.mapping;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** ontology/newsgraph.ttl documents every term the mapping writes. */
class VocabularyTest {

    @Test
    void everyTermIsDeclaredWithLabelCommentDomainAndRange() throws IllegalAccessException {
        Graph ontology = RDFDataMgr.loadGraph("ontology/newsgraph.ttl");
        List<String> missing = new ArrayList<>();
        for (Field f : Vocab.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Node.class) {
                continue;
            }
            Node term = (Node) f.get(null);
            if (term.getURI().startsWith(RDF.getURI()) || term.getURI().startsWith(RDFS.getURI())) {
                continue;
            }
            boolean isClass = ontology.contains(term, RDF.Nodes.type, OWL.Class.asNode());
            boolean isProperty = ontology.contains(term, RDF.Nodes.type, OWL.ObjectProperty.asNode())
                    || ontology.contains(term, RDF.Nodes.type, OWL.DatatypeProperty.asNode());
            if (!isClass && !isProperty) {
                missing.add(term + " is not declared");
                continue;
            }
            for (Node p : isProperty ? List.of(RDFS.Nodes.label, RDFS.Nodes.comment, RDFS.Nodes.domain, RDFS.Nodes.range)
                    : List.of(RDFS.Nodes.label, RDFS.Nodes.comment)) {
                if (!ontology.contains(term, p, Node.ANY)) {
                    missing.add(term + " has no " + p.getLocalName());
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }
}
