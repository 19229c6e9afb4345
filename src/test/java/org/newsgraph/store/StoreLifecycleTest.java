package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Datasets;
import org.newsgraph.mapping.Vocab;

/** Garbage, compaction and optimizer statistics over a store updated round after round. */
class StoreLifecycleTest {

    private static final int ITEMS = 400;

    @TempDir
    Path dir;

    @Test
    void fiveRoundsOfOnePercentChangesStayNearAFreshBuildAndCompactBelowIt() throws IOException {
        TestStore t = new TestStore(dir).generate(ITEMS);
        t.build();
        List<Long> sizes = new ArrayList<>();
        int compactions = 0;
        for (int round = 1; round <= 5; round++) {
            retitleOnePercent(t, round);
            BuildReport report = t.build();
            assertEquals(ITEMS / 100, report.loaded(), "round " + round);
            compactions += report.compaction() == null ? 0 : 1;
            sizes.add(Compactor.measure(layout(t.store)).totalBytes());
        }
        Path fresh = dir.resolve("fresh");
        t.build(fresh, true, false);
        long freshBytes = Compactor.measure(layout(fresh)).totalBytes();
        long largest = sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(largest <= 1.5 * freshBytes, "store grew to " + largest + " bytes; a fresh build takes " + freshBytes);
        assertTrue(compactions >= 1, "no build compacted; sizes " + sizes);
        assertTrue(Datasets.isomorphic(TestStore.snapshot(fresh), t.snapshot()), "updated store differs from a fresh build");

        Compactor.Result result = Compactor.compact(layout(t.store));
        assertEquals(result.after().totalBytes(), Compactor.measure(layout(t.store)).totalBytes());
        assertTrue(result.after().totalBytes() <= 1.2 * freshBytes,
                "compacted to " + result.after().totalBytes() + " bytes; a fresh build takes " + freshBytes);
        assertTrue(result.after().garbageShare() < result.before().garbageShare());
        assertTrue(Datasets.isomorphic(TestStore.snapshot(fresh), t.snapshot()), "compaction changed the store");
        for (String word : List.of("lava", "headline", "subject", "R5")) {
            assertEquals(TestStore.search(fresh, word), TestStore.search(t.store, word), word);
        }
        // The file index still vouches for every file: a build after compaction reads none.
        assertEquals(0, t.build().loaded());
    }

    @Test
    void withoutCompactingTheGarbageGrowsAndCompactRemovesIt() throws IOException {
        TestStore t = new TestStore(dir).generate(ITEMS);
        t.build();
        for (int round = 1; round <= 3; round++) {
            retitleOnePercent(t, round);
            assertNull(t.buildWithoutCompacting().compaction(), "round " + round);
        }
        StoreSpace grown = Compactor.measure(layout(t.store));
        assertTrue(Compactor.worthCompacting(grown), "garbage " + grown.garbageShare());
        Compactor.Result result = Compactor.compact(layout(t.store));
        assertEquals(grown, result.before());
        assertTrue(result.after().garbageShare() < 0.05, "garbage after compacting " + result.after().garbageShare());
        assertTrue(result.after().databaseBytes() < grown.databaseBytes());
        // The next build with compaction on finds nothing to compact.
        retitleOnePercent(t, 4);
        BuildReport report = t.build();
        assertEquals(ITEMS / 100, report.loaded());
        assertNull(report.compaction());
    }

    @Test
    void aSmallStoreIsNotCompactedForTheBlocksEveryNewDatabaseReplaces() throws IOException {
        TestStore t = new TestStore(dir).generate(20);
        t.build();
        retitle(t, 1, 1);
        BuildReport report = t.buildWithoutCompacting();
        assertEquals(1, report.loaded());
        Compactor.Result compacted = Compactor.compact(layout(t.store));
        assertTrue(compacted.after().garbageBytes() < Compactor.GARBAGE_MINIMUM, "garbage " + compacted.after());
        retitle(t, 2, 2);
        assertNull(t.build().compaction(), "a store of a few hundred kB compacted again");
        // Over the share, as a small store is after any change, and under the minimum.
        StoreSpace space = Compactor.measure(layout(t.store));
        assertTrue(space.garbageShare() >= Compactor.GARBAGE_THRESHOLD, "garbage " + space);
        assertTrue(space.garbageBytes() < Compactor.GARBAGE_MINIMUM, "garbage " + space);
    }

    @Test
    void everyBuildAndCompactionLeavesOptimizerStatisticsThatTdb2Reads() throws IOException {
        TestStore t = new TestStore(dir).generate(50);
        t.build();
        Path stats = statsFile(t.store);
        String full = Files.readString(stats);
        assertTrue(full.contains("(count " + t.build().totals().triples() + ")"), full);
        long headlines = t.snapshot().stream(Node.ANY, Node.ANY, Vocab.SCHEMA_HEADLINE, Node.ANY)
                .map(Quad::asTriple).distinct().count();
        assertTrue(headlines > 50, "items known only from lists have headlines too: " + headlines);
        assertTrue(full.contains("(<http://www.w3.org/1999/02/22-rdf-syntax-ns#_1> 50)"), "list slots are weighed: " + full);
        // TDB2's planner reads the file and weighs "?s schema:headline ?o" and "?s a schema:Organization" by their counts.
        var matcher = new org.apache.jena.sparql.engine.optimizer.StatsMatcher(stats.toString());
        assertEquals((double) headlines, matcher.match(Triple.create(Var.alloc("s"), Vocab.SCHEMA_HEADLINE, Var.alloc("o"))));
        assertEquals(20.0, matcher.match(Triple.create(Var.alloc("s"), Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION)));
        // A variable predicate with a bound object weighs the triples per object, far less than all of them.
        double perObject = matcher.match(Triple.create(Var.alloc("s"), Var.alloc("p"), Vocab.SCHEMA_ORGANIZATION));
        double all = matcher.match(Triple.create(Var.alloc("s"), Var.alloc("p"), Var.alloc("o")));
        assertTrue(perObject >= 1 && perObject < 20, "per object " + perObject);
        assertEquals((double) t.build().totals().triples(), all);

        Files.delete(stats);
        t.build(); // nothing changed: the statistics come back from the VoID figures
        assertEquals(full.replaceAll("timestamp \"[^\"]+\"", ""), Files.readString(stats).replaceAll("timestamp \"[^\"]+\"", ""));

        t.write("_news/another.md", TestStore.news("Another", "https://x.example/new", "2021-01-01T00:00:00Z", ""));
        t.build(); // which may compact: the statistics file moves to the new generation
        matcher = new org.apache.jena.sparql.engine.optimizer.StatsMatcher(statsFile(t.store).toString());
        assertEquals((double) headlines + 1, matcher.match(Triple.create(Var.alloc("s"), Vocab.SCHEMA_HEADLINE, Var.alloc("o"))));
        Path before = statsFile(t.store);
        String statistics = Files.readString(before);
        Compactor.compact(layout(t.store));
        assertTrue(!statsFile(t.store).equals(before), "compaction writes a new generation");
        assertEquals(statistics, Files.readString(statsFile(t.store)), "the statistics go with the database");
        assertEquals(List.of(statsFile(t.store).getParent().getFileName().toString()),
                generations(t.store), "the old generation is deleted");
        org.apache.jena.sparql.core.DatasetGraph dsg = TdbStore.connect(layout(t.store).database());
        try {
            assertTrue(org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(dsg).getReorderTransform()
                    instanceof org.apache.jena.sparql.engine.optimizer.reorder.ReorderWeighted,
                    "TDB2 does not plan with the statistics");
        } finally {
            TdbStore.release(layout(t.store).database());
        }
    }

    private static List<String> generations(Path store) throws IOException {
        try (var entries = Files.list(layout(store).database())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).sorted().toList();
        }
    }

    private static Path statsFile(Path store) {
        org.apache.jena.sparql.core.DatasetGraph dsg = TdbStore.connect(layout(store).database());
        try {
            return OptimizerStatistics.file(dsg);
        } finally {
            TdbStore.release(layout(store).database());
        }
    }

    /** Changes the headline of every hundredth file, a different one each round. */
    private static void retitleOnePercent(TestStore t, int round) throws IOException {
        for (int i = round; i < ITEMS; i += 100) {
            retitle(t, i, round);
        }
    }

    private static void retitle(TestStore t, int item, int round) throws IOException {
        Path file = t.corpus.resolve("_news/item-%04d.md".formatted(item));
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("title: \"", "title: \"R" + round + " "));
    }

    private static StoreLayout layout(Path store) {
        return new StoreLayout(store);
    }
}
