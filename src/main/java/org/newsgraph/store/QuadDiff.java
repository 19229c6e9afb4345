package org.newsgraph.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Rewrites part of a store by writing only what differs: every write costs (six indexes, the
 * text index, the VoID figures), and a rewrite usually changes a few statements of many.
 */
final class QuadDiff {

    private QuadDiff() {
    }

    /** The quads of graph {@code g} with subject {@code s} ({@code Node.ANY} for any). */
    static Set<Quad> stored(DatasetGraph dsg, Node g, Node s) {
        Set<Quad> stored = new HashSet<>();
        dsg.find(g, s, Node.ANY, Node.ANY).forEachRemaining(stored::add);
        return stored;
    }

    /** Replaces {@code stored} (as read by {@link #stored}) by {@code wanted}. */
    static void replace(DatasetGraph dsg, Set<Quad> stored, Collection<Quad> wanted) {
        Set<Quad> target = new LinkedHashSet<>(wanted);
        for (Quad q : stored) {
            if (!target.contains(q)) {
                dsg.delete(q);
            }
        }
        for (Quad q : target) {
            if (!stored.contains(q)) {
                dsg.add(q);
            }
        }
    }
}
