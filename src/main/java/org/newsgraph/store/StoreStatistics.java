package org.newsgraph.store;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/** Counts what a store holds. Call inside a read transaction. */
public final class StoreStatistics {

    private StoreStatistics() {
    }

    public static StoreTotals totals(DatasetGraph dsg, IriMinter iris) {
        Set<Pair<Node, Node>> links = new HashSet<>();
        dsg.find(Node.ANY, Node.ANY, Vocab.NG_RELATED, Node.ANY)
                .forEachRemaining(q -> links.add(Pair.create(q.getSubject(), q.getObject())));
        long quads = 0;
        for (Iterator<Quad> it = dsg.find(); it.hasNext(); it.next()) {
            quads++;
        }
        return new StoreTotals(
                typed(dsg, Vocab.SCHEMA_CREATIVE_WORK),
                distinctSubjects(dsg, iris.resolvedGraph(), Vocab.NG_DESCRIBED_BY_SNAPSHOT),
                typed(dsg, Vocab.SCHEMA_ORGANIZATION),
                typed(dsg, Vocab.SKOS_CONCEPT),
                typed(dsg, Vocab.SCHEMA_IMAGE_OBJECT),
                links.size(),
                quads);
    }

    /** Distinct nodes of class {@code type} in the union graph. */
    public static long typed(DatasetGraph dsg, Node type) {
        Set<Node> nodes = new HashSet<>();
        dsg.find(Node.ANY, Node.ANY, Vocab.TYPE, type).forEachRemaining(q -> nodes.add(q.getSubject()));
        return nodes.size();
    }

    private static long distinctSubjects(DatasetGraph dsg, Node graph, Node property) {
        Set<Node> nodes = new HashSet<>();
        dsg.find(graph, Node.ANY, property, Node.ANY).forEachRemaining(q -> nodes.add(q.getSubject()));
        return nodes.size();
    }
}
