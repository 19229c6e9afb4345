package org.newsgraph;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/** Comparing stores in tests. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * True if {@code a} and {@code b} have the same named graphs and each is isomorphic in both.
     * That is dataset isomorphism here because no blank node spans two graphs (extra fields and
     * the ontology's class expressions stay in their graph). Jena's graph matcher is fast where the
     * dataset matcher ({@code IsoMatcher}) backtracks for minutes over the ontology's many
     * look-alike blank nodes.
     */
    public static boolean isomorphic(DatasetGraph a, DatasetGraph b) {
        Set<Node> names = new HashSet<>();
        a.listGraphNodes().forEachRemaining(names::add);
        Set<Node> other = new HashSet<>();
        b.listGraphNodes().forEachRemaining(other::add);
        if (!names.equals(other) || !a.getDefaultGraph().isIsomorphicWith(b.getDefaultGraph())) {
            return false;
        }
        for (Node g : names) {
            if (!a.getGraph(g).isIsomorphicWith(b.getGraph(g))) {
                return false;
            }
        }
        return true;
    }
}
