package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.store.TestStore.item;
import static org.newsgraph.store.TestStore.lit;
import static org.newsgraph.store.TestStore.news;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Datasets;
import org.newsgraph.mapping.Vocab;

/**
 * One suite over every build destination, as Jena's {@code AbstractTestLoader} runs one over every
 * loader: whichever applies the change set, a sequence of builds ends as a full build of the final
 * corpus, a rejected file keeps its graph, {@code --strict} changes nothing, and a build that
 * finds nothing to do writes nothing.
 */
abstract class AbstractBuildDestinationTest {

    @TempDir
    Path dir;

    /** Builds the test corpus into the destination under test. */
    abstract BuildReport build(TestStore t, boolean strict);

    /** What the destination holds, but the record of what the last build did. */
    abstract DatasetGraph contents(TestStore t);

    /** False where every build starts from nothing, so a rejected file has no graph to keep. */
    boolean keepsWhatItHeld() {
        return true;
    }

    /** Writes the destination has taken so far (transactions, requests), or -1 where it cannot tell. */
    long writes() {
        return -1;
    }

    static final String RELATED_Y = "related:\n  - {title: Y as listed, webUrl: \"https://b.example/y\","
            + " publishedDateTime: 2020-01-02T00:00:00Z}\n";

    @Test
    void aSequenceOfChangesEndsAsAFullBuildOfTheFinalCorpus() throws Exception {
        TestStore t = new TestStore(dir).generate(24)
                .write("_news/x.md", news("X", "https://a.example/x", "2020-02-01T00:00:00Z", RELATED_Y))
                .write("_news/y.md", news("Y", "https://b.example/y", "2020-01-02T00:00:00Z", "topics: [AI]\n"))
                .write("_data/topics/ai.yaml", "name: AI\n");
        build(t, false);
        assertSameAsAFullBuild(t);

        // A headline corrected, a file added, a file removed.
        t.write("_news/x.md", news("X corrected", "https://a.example/x", "2020-02-01T00:00:00Z", RELATED_Y));
        t.write("_news/z.md", news("Z", "https://c.example/z", "2020-03-01T00:00:00Z",
                "related:\n  - {title: New Y, webUrl: \"https://b.example/y\"}\n  - {title: W, webUrl: \"https://d.example/w\"}\n"));
        t.delete("_news/y.md");
        BuildReport changed = build(t, false);
        assertEquals(0, changed.rejected());
        assertSameAsAFullBuild(t);

        // Y comes back, W gets a file of its own, a generated item becomes a duplicate of X, a topic goes.
        t.write("_news/y.md", news("Y again", "https://b.example/y", "2020-01-05T00:00:00Z", ""));
        t.write("_news/w.md", news("W", "https://d.example/w", "2020-01-06T00:00:00Z", ""));
        t.write("_news/item-0003.md", news("X seen elsewhere", "https://a.example/x", "2019-12-01T00:00:00Z", ""));
        t.delete("_data/topics/ai.yaml");
        build(t, false);
        assertSameAsAFullBuild(t);

        t.delete("_news/z.md");
        t.delete("_news/item-0003.md");
        build(t, false);
        assertSameAsAFullBuild(t);
    }

    @Test
    void aRejectedFileKeepsItsPreviousGraph() throws Exception {
        TestStore t = new TestStore(dir)
                .write("_news/x.md", news("X", "https://a.example/x", "2020-01-01T00:00:00Z", ""))
                .write("_news/y.md", news("Y", "https://b.example/y", "2020-01-01T00:00:00Z", ""));
        build(t, false);
        t.write("_news/x.md", "---\ntitle: X\ntitle: X again\n---\n");
        t.write("_news/y.md", news("Y2", "https://b.example/y", "2020-01-01T00:00:00Z", ""));
        BuildReport report = build(t, false);
        assertEquals(List.of(t.corpus.resolve("_news/x.md") + ":3:1: duplicate key 'title'"), report.rejections());
        DatasetGraph held = contents(t);
        assertEquals(keepsWhatItHeld() ? Set.of(lit("X")) : Set.of(), headlines(held, item("https://a.example/x")));
        assertEquals(Set.of(lit("Y2")), headlines(held, item("https://b.example/y")));

        t.write("_news/x.md", news("X fixed", "https://a.example/x", "2020-01-01T00:00:00Z", ""));
        assertEquals(0, build(t, false).rejected());
        assertSameAsAFullBuild(t);
    }

    @Test
    void strictChangesNothing() throws Exception {
        TestStore t = new TestStore(dir)
                .write("_news/a.md", news("A", "https://a.example/a", "2020-01-01T00:00:00Z", ""))
                .write("_news/b.md", news("B", "https://a.example/b", "2020-01-01T00:00:00Z", ""));
        build(t, false);
        DatasetGraph before = contents(t);
        long writes = writes();
        t.write("_news/a.md", news("A changed", "https://a.example/a", "2020-01-01T00:00:00Z", ""));
        t.write("_news/b.md", "---\ntitle: [unclosed\n---\n");
        t.write("_news/c.md", news("C", "https://a.example/c", "2020-01-01T00:00:00Z", ""));
        BuildReport report = build(t, true);
        assertTrue(report.aborted());
        assertTrue(Datasets.isomorphic(before, contents(t)), "changed by a build --strict stopped");
        assertEquals(writes, writes());
    }

    @Test
    void aBuildThatFindsNothingChangedWritesNothing() throws Exception {
        TestStore t = new TestStore(dir).generate(10);
        build(t, false);
        DatasetGraph before = contents(t);
        long writes = writes();
        BuildReport again = build(t, false);
        assertEquals(0, again.rejected());
        assertTrue(Datasets.isomorphic(before, contents(t)), "changed by a build of the same corpus");
        if (writes >= 0) {
            assertEquals(writes, writes(), "writes by a build of the same corpus");
        }
    }

    private static Set<Node> headlines(DatasetGraph dsg, Node item) {
        Set<Node> found = new HashSet<>();
        dsg.find(Node.ANY, item, Vocab.SCHEMA_HEADLINE, Node.ANY).forEachRemaining(q -> found.add(q.getObject()));
        return found;
    }

    void assertSameAsAFullBuild(TestStore t) {
        Path fresh = dir.resolve("fresh-" + System.nanoTime());
        assertEquals("full", t.build(fresh, true, false).mode());
        DatasetGraph expected = TestStore.snapshot(fresh);
        TdbStore.release(new StoreLayout(fresh).database());
        DatasetGraph actual = contents(t);
        assertEquals(expected.stream().count(), actual.stream().count(), "quads");
        Set<Node> graphs = new HashSet<>();
        expected.listGraphNodes().forEachRemaining(graphs::add);
        for (Node g : graphs) {
            assertTrue(expected.getGraph(g).isIsomorphicWith(actual.getGraph(g)), "graph " + g + " differs: "
                    + difference(expected, actual, g));
        }
        assertTrue(Datasets.isomorphic(expected, actual), "differs from a full build of the final corpus");
    }

    private static String difference(DatasetGraph expected, DatasetGraph actual, Node g) {
        Set<Quad> a = new HashSet<>(expected.stream(g, Node.ANY, Node.ANY, Node.ANY).toList());
        Set<Quad> b = new HashSet<>(actual.stream(g, Node.ANY, Node.ANY, Node.ANY).toList());
        return "missing " + a.stream().filter(q -> !b.contains(q)).limit(3).toList() + ", extra "
                + b.stream().filter(q -> !a.contains(q)).limit(3).toList();
    }
}
