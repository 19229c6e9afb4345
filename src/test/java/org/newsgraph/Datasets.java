package org.newsgraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.Vocab;

/** Comparing stores in tests. */
public final class Datasets {

    private Datasets() {
    }

    /** What a build record says of the build itself, which differs between a full build and updates of the same corpus. */
    private static final Set<Node> RUN = Set.of(Vocab.NG_BUILD_KIND, Vocab.NG_FILES_LOADED, Vocab.NG_FILES_UNCHANGED,
            Vocab.NG_FILES_REMOVED, Vocab.NG_FILES_REJECTED);

    /** A copy of {@code dsg}, in memory, but what the last build did. */
    public static DatasetGraph withoutRun(DatasetGraph dsg) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        List<Quad> quads = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!RUN.contains(q.getPredicate())) {
                quads.add(q);
            }
        }));
        Txn.executeWrite(copy, () -> quads.forEach(copy::add));
        return copy;
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
