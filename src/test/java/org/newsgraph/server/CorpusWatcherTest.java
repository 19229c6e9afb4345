package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Datasets;
import org.newsgraph.TestSupport;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.WebUrl;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.TdbStore;

/**
 * {@code serve --watch}, in this process: a served copy of a shared corpus follows the edits made
 * to its folder while readers query it, and ends as a full build of the final folder.
 */
class CorpusWatcherTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final long ANSWER_MILLIS = 5_000;
    static final String MARKED = "PREFIX schema: <https://schema.org/> SELECT (COUNT(DISTINCT ?i) AS ?n)"
            + " { ?i schema:headline ?h FILTER(CONTAINS(?h, \"Zebrafinch\")) }";

    @TempDir
    Path dir;

    @Test
    void aWatchedStoreFollowsItsFolderAndReadersSeeEachBatchWhole() throws Exception {
        Path corpus = TestSupport.copyOfPowerappsOrSeeds(dir);
        // Three news files to edit (the demo data has two).
        for (int i = 0; newsFiles(corpus).size() < 3; i++) {
            Files.writeString(corpus.resolve("watch-" + i + ".md"), "---\ntitle: \"Filler " + i + "\"\nwebUrl: "
                    + "https://filler.example/" + i + "\npublishedDateTime: 2025-01-0" + (i + 1) + "T00:00:00Z\n---\n");
        }
        List<Path> news = newsFiles(corpus);
        Path store = dir.resolve("store");
        BuildOptions options = new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, false, false, 2, CLOCK);
        new CorpusLoader(new StoreLayout(store), options, BuildListener.NONE).build();
        Path a = news.get(0);
        Path b = news.get(1);
        Path c = news.get(2);

        List<String> log = Collections.synchronizedList(new ArrayList<>());
        NewsServer server = NewsServer.start(new ServerOptions(store, "127.0.0.1", 0, IriMinter.DEFAULT_BASE, 10, null,
                false, false, null, 1 << 20, 256 << 20));
        HttpClientSupport http = new HttpClientSupport(server.port());
        Set<Long> seenWhileTwoChange = ConcurrentHashMap.newKeySet();
        AtomicLong reads = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        List<Thread> readers = new ArrayList<>();
        try (CorpusWatcher watcher = new CorpusWatcher(new StoreLayout(store), options, server::dataset, log::add)) {
            watcher.start();
            waitFor("the first look at the folder", () -> watcher.builds() >= 1);
            String voidBefore = http.get("/.well-known/void?format=ntriples", null).body();

            // Two headlines change together: a reader sees neither or both, never one.
            for (int i = 0; i < 2; i++) {
                Thread reader = new Thread(() -> {
                    while (reading.get()) {
                        try {
                            seenWhileTwoChange.add(count(http, MARKED));
                            reads.incrementAndGet();
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            waitFor("readers", () -> reads.get() >= 4);
            retitle(a, "Zebrafinch one");
            retitle(b, "Zebrafinch two");
            answered("an edited title (two files)", () -> count(http, MARKED) == 2);
            reading.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            assertEquals(Set.of(0L, 2L), seenWhileTwoChange, "what " + reads.get() + " reads saw of the two changes");
            assertEquals(1, count(http, "PREFIX text: <http://jena.apache.org/text#> SELECT (COUNT(*) AS ?n)"
                    + " { ?i text:query \"Zebrafinch\" FILTER(?i = <" + item(a) + ">) }"), "the text index");

            // A new file, the latest on the most used topic: first on the page of sample query 01.
            HttpResponse<String> top = http.query("PREFIX schema: <https://schema.org/> PREFIX skos:"
                    + " <http://www.w3.org/2004/02/skos/core#> SELECT ?name { { SELECT ?t (COUNT(?i) AS ?n) { ?i a"
                    + " schema:CreativeWork ; schema:about ?t } GROUP BY ?t ORDER BY DESC(?n) LIMIT 1 } ?t skos:prefLabel ?name }",
                    "text/csv");
            String topic = top.body().lines().skip(1).findFirst().orElseThrow().trim();
            Path added = corpus.resolve("added-by-the-watch-test.md");
            Files.writeString(added, "---\ntitle: \"Zebrafinch three, added\"\nwebUrl: \"https://watch.example/new\"\n"
                    + "publishedDateTime: 2030-01-01T12:00:00Z\ntype: article\ntopics:\n  - \"" + topic + "\"\n---\n");
            answered("an added file", () -> count(http, MARKED) == 3);
            String sample = http.get("/queries/01-latest-items-on-a-topic", "text/html").body();
            assertTrue(sample.contains("Zebrafinch three, added"), "sample query 01 without the new item: " + sample);
            String page = http.get("/id/item/" + IriMinter.hash(WebUrl.parse("https://watch.example/new").key()),
                    "text/html").body();
            assertTrue(page.contains("Zebrafinch three, added"), "the new item's page: " + page);
            assertNotEquals(voidBefore, http.get("/.well-known/void?format=ntriples", null).body(), "VoID unchanged");

            // A removed file.
            Files.delete(b);
            answered("a removed file", () -> count(http, MARKED) == 2);

            // A broken file: rejected in the log, its previous graph stays.
            String original = Files.readString(c);
            Files.writeString(c, "---\ntitle: one\ntitle: two\n---\n");
            String rejection = "watch: rejected " + c + ":3:1: duplicate key 'title' (its previous graph stays)";
            answered("a broken file", () -> log.stream().anyMatch(l -> l.equals(rejection)));
            assertEquals(2, count(http, MARKED));

            // Mended.
            retitle(c, "Zebrafinch four, mended", original);
            answered("a mended file", () -> count(http, MARKED) == 3);
        } finally {
            reading.set(false);
            server.close();
        }
        TdbStore.release(new StoreLayout(store).database());
        Path fresh = dir.resolve("fresh");
        new CorpusLoader(new StoreLayout(fresh), new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, true, false, 2,
                CLOCK), BuildListener.NONE).build();
        DatasetGraph expected = Datasets.withoutRun(TdbStore.connect(new StoreLayout(fresh).database()));
        DatasetGraph actual = Datasets.withoutRun(TdbStore.connect(new StoreLayout(store).database()));
        assertEquals(Txn.calculateRead(expected, () -> expected.stream().count()),
                Txn.calculateRead(actual, () -> actual.stream().count()));
        assertTrue(Datasets.isomorphic(expected, actual), "the watched store differs from a full build of the folder");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for the endpoint to answer a change, and fails if it takes longer than five seconds. */
    private static void answered(String change, Check check) throws Exception {
        long start = System.nanoTime();
        while (!check.holds()) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < ANSWER_MILLIS, change + " not answered within " + ANSWER_MILLIS + " ms");
            Thread.sleep(50);
        }
        System.out.printf("watch: %s answered in %d ms%n", change, (System.nanoTime() - start) / 1_000_000);
    }

    private static void waitFor(String what, Check check) throws Exception {
        long start = System.nanoTime();
        while (!check.holds()) {
            assertTrue(System.nanoTime() - start < 60_000_000_000L, "no " + what + " within 60 s");
            Thread.sleep(20);
        }
    }

    private static long count(HttpClientSupport http, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.query(query, "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().lines().skip(1).findFirst().orElseThrow().trim());
    }

    /** The IRI of the item a news file describes, from its webUrl. */
    private static String item(Path file) throws IOException {
        String url = Files.readString(file).lines().filter(l -> l.startsWith("webUrl:")).findFirst().orElseThrow()
                .substring("webUrl:".length()).trim().replace("\"", "").replace("'", "");
        return new IriMinter(IriMinter.DEFAULT_BASE).item(WebUrl.parse(url).key()).getURI();
    }

    private static void retitle(Path file, String title) throws IOException {
        retitle(file, title, Files.readString(file));
    }

    /** Writes {@code content} to {@code file} with its title line replaced, as an editor saves it. */
    private static void retitle(Path file, String title, String content) throws IOException {
        StringBuilder out = new StringBuilder();
        boolean done = false;
        for (String line : content.split("\n", -1)) {
            if (!done && line.startsWith("title:")) {
                line = "title: \"" + title + "\"";
                done = true;
            }
            out.append(line).append('\n');
        }
        assertTrue(done, "no title line in " + file);
        Files.writeString(file, out.substring(0, out.length() - 1));
    }

    /** News files with a one-line title and webUrl, in name order. */
    private static List<Path> newsFiles(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted()
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return text.startsWith("---") && text.lines().anyMatch(l -> l.startsWith("title: "))
                                    && text.lines().anyMatch(l -> l.startsWith("webUrl: http")
                                            || l.startsWith("webUrl: \"http") || l.startsWith("webUrl: 'http"));
                        } catch (IOException e) {
                            return false;
                        }
                    }).toList();
        }
    }
}
