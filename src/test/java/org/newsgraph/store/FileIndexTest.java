package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.store.TestStore.item;
import static org.newsgraph.store.TestStore.lit;
import static org.newsgraph.store.TestStore.news;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.Vocab;

/**
 * The file index lets an incremental build skip files whose size, time and file key are as the
 * last build recorded, and never makes a build miss a change it would otherwise see.
 */
class FileIndexTest {

    @TempDir
    Path dir;

    private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

    private static Set<Node> headlines(TestStore t, String url) {
        return t.snapshot().stream(Node.ANY, item(url), Vocab.SCHEMA_HEADLINE, Node.ANY).map(Quad::getObject)
                .collect(Collectors.toSet());
    }

    /** Rewrites a file with content of the same length and gives it back its modification time. */
    private static void rewriteKeepingStamp(Path file, String content) throws Exception {
        FileTime time = Files.getLastModifiedTime(file);
        assertEquals(Files.size(file), content.length());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, time);
    }

    private static final String A = "https://a.example/a";

    private static String itemA(String title) {
        return news(title, A, "2020-01-01T00:00:00Z", "");
    }

    /** A store built from one file, _news/a.md, last modified an hour ago. */
    private TestStore builtFromAnHourOldFile() throws Exception {
        TestStore t = new TestStore(dir).write("_news/a.md", itemA("Title A"));
        Files.setLastModifiedTime(t.corpus.resolve("_news/a.md"), FileTime.from(AN_HOUR_AGO));
        t.build();
        return t;
    }

    @Test
    void aFileWithTheSizeTimeAndKeyRecordedIsNotReadAgain() throws Exception {
        TestStore t = builtFromAnHourOldFile();
        Path a = t.corpus.resolve("_news/a.md");
        assertTrue(Files.exists(t.store.resolve(FileIndex.NAME)));

        // Same size, same time, same file: taken as unchanged without reading it.
        rewriteKeepingStamp(a, itemA("Title B"));
        BuildReport report = t.build();
        assertEquals(0, report.loaded());
        assertEquals(1, report.unchanged());
        assertEquals(Set.of(lit("Title A")), headlines(t, A));

        // Another time: read, and the change is seen.
        Files.setLastModifiedTime(a, FileTime.from(AN_HOUR_AGO.plusSeconds(60)));
        report = t.build();
        assertEquals(1, report.loaded());
        assertEquals(Set.of(lit("Title B")), headlines(t, A));
    }

    @Test
    void aFileModifiedAroundTheTimeOfTheBuildThatRecordedItIsReadAgain() throws Exception {
        // Written just now: within the racy window of the build that records it.
        TestStore t = new TestStore(dir).write("_news/a.md", itemA("Title A"));
        t.build();
        rewriteKeepingStamp(t.corpus.resolve("_news/a.md"), itemA("Title B"));
        BuildReport report = t.build();
        assertEquals(1, report.loaded());
        assertEquals(Set.of(lit("Title B")), headlines(t, A));
    }

    @Test
    void withoutTheIndexTheBuildReadsWhatTheStoreHolds() throws Exception {
        TestStore t = builtFromAnHourOldFile();
        Path a = t.corpus.resolve("_news/a.md");
        FileIndex.invalidate(new StoreLayout(t.store));
        assertFalse(Files.exists(t.store.resolve(FileIndex.NAME)));
        rewriteKeepingStamp(a, itemA("Title B"));
        BuildReport report = t.build();
        assertEquals(1, report.loaded());
        assertEquals(Set.of(lit("Title B")), headlines(t, A));
        assertTrue(Files.exists(t.store.resolve(FileIndex.NAME)), "the build writes a new index");
    }

    @Test
    void theIndexNamesEveryFileGraphOfTheStoreWithItsHash() throws Exception {
        TestStore t = new TestStore(dir)
                .write("_news/x.md", news("X", "https://a.example/x", "2020-01-01T00:00:00Z", ""))
                .write("_news/y.md", news("Y", "https://b.example/y", "2020-01-01T00:00:00Z", ""))
                .write("_news/z.md", news("Z", "https://b.example/z", "2020-01-01T00:00:00Z", ""));
        for (String f : new String[] {"x", "y", "z"}) {
            Files.setLastModifiedTime(t.corpus.resolve("_news/" + f + ".md"), FileTime.from(AN_HOUR_AGO));
        }
        t.build();
        assertIndexAgreesWithStore(t);
        // A rejected file keeps its graph and its entry, without a stamp: it is read next time.
        t.write("_news/x.md", "---\ntitle: X\ntitle: X again\n---\n");
        t.delete("_news/z.md");
        assertEquals(1, t.build().rejected());
        Map<Node, FileIndex.Entry> index = assertIndexAgreesWithStore(t);
        assertEquals(2, index.size());
        Node x = TestStore.IRIS.graph(t.corpus.getFileName().toString(), "_news/x.md");
        assertNull(index.get(x).stamp());
        assertNotNull(index.get(TestStore.IRIS.graph(t.corpus.getFileName().toString(), "_news/y.md")).stamp());
        // The broken file deleted: its graph goes, though the build never read it again.
        t.delete("_news/x.md");
        BuildReport report = t.build();
        assertEquals(1, report.removed());
        assertEquals(Set.of(), headlines(t, "https://a.example/x"));
        assertEquals(1, assertIndexAgreesWithStore(t).size());
    }

    private static Map<Node, FileIndex.Entry> assertIndexAgreesWithStore(TestStore t) {
        Map<Node, FileIndex.Entry> index = FileIndex.read(new StoreLayout(t.store));
        assertNotNull(index);
        DatasetGraph dsg = t.snapshot();
        Map<Node, String> stored = Txn.calculateRead(dsg, () -> SourceIndex.entries(dsg)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().hash()));
        assertEquals(stored, index.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().hash())));
        return index;
    }
}
