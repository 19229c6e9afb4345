import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.newsgraph.mapping.Vocab;
import org.newsgraph.store.TdbStore;
import org.newsgraph.store.TextIndexes;

/**
 * bench/crash's check of a store after a kill: {@code CrashCheck STORE [exact|content]:REF...}.
 *
 * <p>Opens the store as any command would (TDB2 replays its journal), and checks that its text
 * index agrees with it: the Lucene documents of the last commit, read as a new reader sees them,
 * are exactly one per headline and description quad of the store (subject, graph, jena-text's checksum of the text). Then,
 * if references are given, that the store equals one of them: {@code exact} compares every quad
 * (blank nodes up to isomorphism), {@code content} leaves out what a build records of itself and
 * of its times (as the tests' {@code Datasets.withoutRunOrTimes}); each reference's text index must hold the
 * same documents as the store's. Prints {@code ok N} (N the reference matched, 0 without any) or
 * one line saying what differs; exit code 0 when the store passes, 1 when it does not, 2 on a
 * usage error. Run with the newsgraph jar on the class path.
 */
public final class CrashCheck {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CrashCheck STORE [exact|content]:REF...");
            System.exit(2);
        }
        Path store = Path.of(args[0]);
        Loaded tested = load(store);
        Map<List<String>, Integer> expected = expectedDocs(tested.quads);
        if (!expected.equals(tested.docs)) {
            System.out.println("text index disagrees with the store: " + docDifference(expected, tested.docs));
            System.exit(1);
        }
        if (args.length == 1) {
            System.out.println("ok 0 (" + docCount(tested.docs) + " text documents)");
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            String mode = args[i].substring(0, colon);
            Loaded ref = load(Path.of(args[i].substring(colon + 1)));
            DatasetGraph a = mode.equals("exact") ? tested.quads : withoutRunOrTimes(tested.quads);
            DatasetGraph b = mode.equals("exact") ? ref.quads : withoutRunOrTimes(ref.quads);
            if (!isomorphic(a, b)) {
                reasons.add("not " + mode + " as reference " + i + ": " + difference(a, b));
            } else if (!ref.docs.equals(tested.docs)) {
                reasons.add("text index not as reference " + i + "'s: " + docDifference(ref.docs, tested.docs));
            } else {
                System.out.println("ok " + i + " (" + docCount(tested.docs) + " text documents)");
                return;
            }
        }
        System.out.println(String.join("; ", reasons));
        System.exit(1);
    }

    private record Loaded(DatasetGraph quads, Map<List<String>, Integer> docs) {
    }

    private static Loaded load(Path storeDir) throws Exception {
        Path database = storeDir.resolve("tdb2");
        if (!Files.isDirectory(database)) {
            System.out.println("no database in " + storeDir);
            System.exit(1);
        }
        DatasetGraph dsg = TdbStore.connect(database);
        DatasetGraph copy;
        try {
            copy = copyAll(dsg);
        } finally {
            TdbStore.release(database);
        }
        return new Loaded(copy, docs(storeDir.resolve("text")));
    }

    private static DatasetGraph copyAll(DatasetGraph dsg) {
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        List<Quad> quads = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(quads::add));
        Txn.executeWrite(copy, () -> quads.forEach(copy::add));
        return copy;
    }

    /** The documents of the index's last commit, as (subject, graph, jena-text's checksum of the text) with how many of each. */
    private static Map<List<String>, Integer> docs(Path text) throws Exception {
        Map<List<String>, Integer> docs = new HashMap<>();
        if (!Files.isDirectory(text)) {
            return docs;
        }
        try (FSDirectory dir = FSDirectory.open(text)) {
            if (!DirectoryReader.indexExists(dir)) {
                return docs;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    LeafReader r = leaf.reader();
                    Bits live = r.getLiveDocs();
                    for (int d = 0; d < r.maxDoc(); d++) {
                        if (live != null && !live.get(d)) {
                            continue;
                        }
                        Document doc = r.storedFields().document(d);
                        docs.merge(List.of(Objects.toString(doc.get("uri")), Objects.toString(doc.get("graph")),
                                Objects.toString(doc.get("uid"))), 1, Integer::sum);
                    }
                }
            }
        }
        return docs;
    }

    /** One document per headline and description quad, as jena-text indexes it. */
    private static Map<List<String>, Integer> expectedDocs(DatasetGraph dsg) {
        Map<List<String>, Integer> docs = new HashMap<>();
        Txn.executeRead(dsg, () -> addExpected(dsg, docs));
        return docs;
    }

    private static void addExpected(DatasetGraph dsg, Map<List<String>, Integer> docs) {
        EntityDefinition def = TextIndexes.definition();
        for (Node p : List.of(Vocab.SCHEMA_HEADLINE, Vocab.SCHEMA_DESCRIPTION)) {
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                Entity e = TextQueryFuncs.entityFromQuad(def, q);
                if (e != null) {
                    e.getMap().forEach((field, value) -> docs.merge(List.of(e.getId(), String.valueOf(e.getGraph()),
                            e.getChecksum(field, String.valueOf(value))), 1, Integer::sum));
                }
            });
        }
    }

    /** What a build records of itself and of its times, which differ between builds of the same corpus. */
    private static final java.util.Set<Node> RUN_AND_TIMES = java.util.Set.of(Vocab.NG_BUILD_KIND, Vocab.NG_FILES_LOADED,
            Vocab.NG_FILES_UNCHANGED, Vocab.NG_FILES_REMOVED, Vocab.NG_FILES_REJECTED, Vocab.PROV_GENERATED_AT_TIME,
            Vocab.PROV_STARTED_AT_TIME, Vocab.PROV_ENDED_AT_TIME, Vocab.DCT_MODIFIED, Vocab.VOID_DISTINCT_OBJECTS);

    private static DatasetGraph withoutRunOrTimes(DatasetGraph dsg) {
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(copy, () -> Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!RUN_AND_TIMES.contains(q.getPredicate())) {
                copy.add(q);
            }
        })));
        return copy;
    }

    /** The same named graphs, each isomorphic in both (no blank node spans two graphs here). */
    private static boolean isomorphic(DatasetGraph a, DatasetGraph b) {
        return Txn.calculateRead(a, () -> Txn.calculateRead(b, () -> {
            java.util.Set<Node> names = new java.util.HashSet<>();
            a.listGraphNodes().forEachRemaining(names::add);
            java.util.Set<Node> other = new java.util.HashSet<>();
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
        }));
    }

    /** The first graph where {@code a} and {@code b} differ, with a few quads. */
    private static String difference(DatasetGraph a, DatasetGraph b) {
        return Txn.calculateRead(a, () -> Txn.calculateRead(b, () -> {
            java.util.Set<Node> names = new java.util.HashSet<>();
            a.listGraphNodes().forEachRemaining(names::add);
            b.listGraphNodes().forEachRemaining(names::add);
            for (Node g : names) {
                if (!a.getGraph(g).isIsomorphicWith(b.getGraph(g))) {
                    java.util.Set<Quad> qa = new java.util.HashSet<>(a.stream(g, Node.ANY, Node.ANY, Node.ANY).toList());
                    java.util.Set<Quad> qb = new java.util.HashSet<>(b.stream(g, Node.ANY, Node.ANY, Node.ANY).toList());
                    return "graph " + g + ": only in the store " + qa.stream().filter(q -> !qb.contains(q)).limit(2).toList()
                            + ", only in the reference " + qb.stream().filter(q -> !qa.contains(q)).limit(2).toList();
                }
            }
            return "no difference in the named graphs";
        }));
    }

    private static int docCount(Map<List<String>, Integer> docs) {
        return docs.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String docDifference(Map<List<String>, Integer> expected, Map<List<String>, Integer> actual) {
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        expected.forEach((k, n) -> {
            if (actual.getOrDefault(k, 0) < n) {
                missing.add(k.toString());
            }
        });
        actual.forEach((k, n) -> {
            if (expected.getOrDefault(k, 0) < n) {
                extra.add(k + (n > 1 ? " x" + n : ""));
            }
        });
        return docCount(expected) + " expected, " + docCount(actual) + " indexed; " + missing.size() + " missing "
                + missing.stream().limit(2).toList() + ", " + extra.size() + " extra " + extra.stream().limit(2).toList();
    }
}
