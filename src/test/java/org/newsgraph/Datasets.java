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

    /** Where {@code a} and {@code b} differ, for a failure message: the first graph that does, and a few quads. */
    public static String difference(DatasetGraph a, DatasetGraph b) {
        Set<Node> names = new HashSet<>();
        a.listGraphNodes().forEachRemaining(names::add);
        b.listGraphNodes().forEachRemaining(names::add);
        for (Node g : names) {
            if (!a.getGraph(g).isIsomorphicWith(b.getGraph(g))) {
                Set<Quad> qa = new HashSet<>(a.stream(g, Node.ANY, Node.ANY, Node.ANY).toList());
                Set<Quad> qb = new HashSet<>(b.stream(g, Node.ANY, Node.ANY, Node.ANY).toList());
                return "graph " + g + ": only in the first " + qa.stream().filter(q -> !qb.contains(q)).limit(4).toList()
                        + ", only in the second " + qb.stream().filter(q -> !qa.contains(q)).limit(4).toList();
            }
        }
        return "no difference in the named graphs";
    }

    /**
     * When things were loaded, built and modified: what differs between builds at other times. The
     * VoID count of distinct objects goes with them, since each load time is an object.
     */
    private static final Set<Node> TIMES = Set.of(Vocab.PROV_GENERATED_AT_TIME, Vocab.PROV_STARTED_AT_TIME,
            Vocab.PROV_ENDED_AT_TIME, Vocab.DCT_MODIFIED, Vocab.VOID_DISTINCT_OBJECTS);

    /** A copy of {@code dsg}, in memory, but what the last build did. */
    public static DatasetGraph withoutRun(DatasetGraph dsg) {
        return without(dsg, RUN);
    }

    /** The same, and without the times of loading and building. */
    public static DatasetGraph withoutRunOrTimes(DatasetGraph dsg) {
        Set<Node> left = new HashSet<>(RUN);
        left.addAll(TIMES);
        return without(dsg, left);
    }

    private static DatasetGraph without(DatasetGraph dsg, Set<Node> predicates) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        List<Quad> quads = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!predicates.contains(q.getPredicate())) {
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
