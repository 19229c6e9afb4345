package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes read from windows of the node file are the nodes TDB2's own node table gives. */
class NodeFileReaderTest {

    @Test
    void decodesEveryNodeAsTheNodeTableDoes(@TempDir Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        Node g = NodeFactory.createURI("http://example.org/g");
        Node p = NodeFactory.createURI("http://example.org/p");
        // Nodes of every kind, and literals longer than the reader's window (64 KiB), one of them
        // the last node of the file.
        List<Node> objects = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            objects.add(NodeFactory.createLiteralString("headline " + i + " é \u2603"));
            objects.add(NodeFactory.createURI("https://example.com/a b/" + i));
            objects.add(NodeFactory.createLiteralLang("titre " + i, "fr"));
            objects.add(NodeFactory.createBlankNode("b" + i));
            if (i % 1_000 == 0) {
                objects.add(NodeFactory.createLiteralString("x".repeat(200_000 + i)));
            }
        }
        objects.add(NodeFactory.createLiteralString("y".repeat(150_000)));
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < objects.size(); i++) {
                dsg.add(g, NodeFactory.createURI("http://example.org/s" + (i % 97)), p, objects.get(i));
            }
        });
        Txn.executeRead(dsg, () -> {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            NodeTable table = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
            TreeSet<NodeId> ids = new TreeSet<>((a, b) -> Long.compare(a.getPtrLocation(), b.getPtrLocation()));
            for (Iterator<Tuple<NodeId>> it = tdb.getQuadTable().getNodeTupleTable().findAll(); it.hasNext(); ) {
                it.next().forEach(id -> {
                    if (id.isPtr()) {
                        ids.add(id);
                    }
                });
            }
            assertTrue(ids.size() > objects.size(), "every object, subject, predicate and graph has an id");
            NodeFileReader reader = new NodeFileReader(table);
            // (Compared without printing them: some are 200,000 characters long.)
            for (NodeId id : ids) {
                assertTrue(table.getNodeForNodeId(id).equals(reader.node(id)), () -> "node " + id);
            }
            // Out of order, too.
            for (NodeId id : ids.descendingSet()) {
                assertTrue(table.getNodeForNodeId(id).equals(reader.node(id)), () -> "node " + id);
            }
        });
        TDBInternal.expel(dsg);
    }
}
