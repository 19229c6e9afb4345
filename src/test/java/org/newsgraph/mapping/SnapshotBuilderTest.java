package org.newsgraph.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

/** Snapshots are named from their statements written exactly as Jena's NodeFmtLib writes them. */
class SnapshotBuilderTest {

    @Test
    void statementsAreWrittenAsNodeFmtLibWritesThem() throws IOException {
        List<Triple> triples = new ArrayList<>();
        Node s = NodeFactory.createURI("https://w3id.org/newsgraph/snapshot/self");
        Node p = NodeFactory.createURI("https://schema.org/headline");
        for (String text : List.of("plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "é \u2603 \uD83D\uDE00",
                "", "\u0001 control", "'single'", "\"\"\"")) {
            triples.add(Triple.create(s, p, NodeFactory.createLiteralString(text)));
            triples.add(Triple.create(s, p, NodeFactory.createLiteralLang(text, "en-GB")));
        }
        triples.add(Triple.create(s, p, NodeFactory.createLiteralDT("2020-01-01T00:00:00Z", XSDDatatype.XSDdateTime)));
        triples.add(Triple.create(s, p, NodeFactory.createLiteralDT("12", XSDDatatype.XSDinteger)));
        triples.add(Triple.create(s, p, NodeFactory.createLiteralDT("1.5e3", XSDDatatype.XSDdouble)));
        triples.add(Triple.create(s, p, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
        triples.add(Triple.create(s, p, NodeFactory.createURI("https://a.example/a%20b?q=1#f")));
        triples.add(Triple.create(s, p, NodeFactory.createURI("https://a.example/with space>and{braces}")));
        // Every statement of the golden files, too.
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".trig")).toList()) {
                DatasetGraph dsg = RDFDataMgr.loadDatasetGraph(f.toString());
                dsg.find().forEachRemaining(q -> triples.add(q.asTriple()));
            }
        }
        assertTrue(triples.size() > 400, "golden files read: " + triples.size());
        for (Triple t : triples) {
            assertEquals(NodeFmtLib.str(t), SnapshotBuilder.line(t));
        }
    }
}
