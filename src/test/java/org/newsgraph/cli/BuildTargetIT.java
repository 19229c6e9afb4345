package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.DSP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.Datasets;
import org.newsgraph.TestSupport;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.TdbStore;

/**
 * {@code build --target} against stock Fuseki 5.6 (the jena-fuseki-server jar from Maven Central)
 * with an updatable in-memory dataset: through a sequence of corpus changes the remote ends as a
 * local full build of the final folder, and a build with nothing changed sends it no write.
 */
class BuildTargetIT {

    static final Path FUSEKI = Path.of("target", "stock", "jena-fuseki-server.jar");

    @TempDir
    Path dir;

    @Test
    void stockFusekiFedWithTheGraphStoreProtocolEndsAsAFullBuild() throws Exception {
        Path corpus = TestSupport.copyOfPowerappsOrSeeds(dir);
        int port = TestSupport.freePort();
        Path log = dir.resolve("fuseki.log");
        Process fuseki = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", FUSEKI.toAbsolutePath().toString(), "--mem", "--update", "--port", Integer.toString(port),
                "--localhost", "/ds")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String dataset = "http://localhost:" + port + "/ds";
        String store = dir.resolve("store").toString();
        try {
            TestSupport.waitForPing(port, fuseki, log);
            assertEquals(0, build(store, dataset, corpus).code());
            long firstWrites = writes(log);
            assertTrue(firstWrites > 3, "the first build sent " + firstWrites + " graphs");

            List<Path> news;
            try (Stream<Path> files = Files.walk(corpus)) {
                news = files.filter(p -> !p.toString().contains("_data") && (p.toString().endsWith(".md")
                        || p.toString().endsWith(".txt"))).sorted().toList();
            }
            // A title corrected, a file added, a file removed.
            String text = Files.readString(news.get(0));
            Files.writeString(news.get(0), text.replaceFirst("(?m)^title: .*$", "title: \"Corrected for the remote\""));
            Files.writeString(corpus.resolve("added.md"), "---\ntitle: Added for the remote\nwebUrl: https://x.example/r\n---\n");
            Files.delete(news.get(1));
            JarIT.Result changed = build(store, dataset, corpus);
            assertEquals(0, changed.code(), changed.err());
            assertTrue(changed.out().matches("incremental build: \\d+ files \\(2 loaded, \\d+ unchanged, 0 rejected,"
                    + " 1 removed\\).*\n"), changed.out());
            assertTrue(changed.out().matches("(?s).* sent [1-9] requests to " + dataset + ";.*"), changed.out());
            long writes = writes(log);
            // The two files' graphs, the resolved, shared, build and VoID graphs, and one DELETE: not the corpus again.
            assertTrue(writes - firstWrites <= 8, (writes - firstWrites) + " writes for three changed files");
            assertTrue(Files.readString(log).contains("DELETE " + dataset + "?graph="), "no DELETE in the log");

            JarIT.Result same = build(store, dataset, corpus);
            assertEquals(0, same.code(), same.err());
            assertTrue(same.out().contains(" sent 0 requests to " + dataset + ";"), same.out());
            assertEquals(writes, writes(log), "a build with nothing changed wrote to the remote");

            Path fresh = dir.resolve("fresh");
            assertEquals(0, JarIT.java("build", "--quiet", "--store", fresh.toString(), corpus.toString()).code());
            DatasetGraph expected = Datasets.withoutRunOrTimes(TdbStore.connect(new StoreLayout(fresh).database()));
            DatasetGraph remote = Datasets.withoutRunOrTimes(DSP.service(dataset).GET());
            assertEquals(expected.stream().count(), remote.stream().count());
            assertTrue(Datasets.isomorphic(expected, remote), () -> "the remote differs from a full build of the folder: "
                    + Datasets.difference(expected, remote));
        } finally {
            fuseki.destroy();
            fuseki.waitFor(30, TimeUnit.SECONDS);
        }
        // Once it is gone: one line, exit code 5, and the store updated all the same.
        Files.writeString(corpus.resolve("added.md"), "---\ntitle: Added again\nwebUrl: https://x.example/r\n---\n");
        JarIT.Result down = build(store, dataset, corpus);
        assertEquals(5, down.code(), down.out());
        assertEquals("newsgraph: cannot reach " + dataset + ": connection refused (the store is updated; what was not"
                + " sent goes with the next build)\n", down.err());
        assertTrue(down.out().startsWith("incremental build: "), down.out());
    }

    private static JarIT.Result build(String store, String dataset, Path corpus) throws Exception {
        return JarIT.java("build", "--quiet", "--store", store, "--target", dataset, corpus.toString());
    }

    /** The requests in Fuseki's log that write: PUT, POST and DELETE. */
    private static long writes(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.matches(".*\\[\\d+\\] (PUT|POST|DELETE|PATCH) .*")).count();
    }
}
