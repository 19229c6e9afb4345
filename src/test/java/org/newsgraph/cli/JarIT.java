package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, run as a user runs it: a separate process, real exit codes and output. */
class JarIT {

    static final Path JAR = Path.of("target", "newsgraph.jar");

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void buildAndQueryTheSeedsWithTheJar() throws Exception {
        String store = dir.resolve("store").toString();
        Result build = java("build", "--store", store, "seeds");
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().startsWith("full build of " + store + " in "), build.out());
        assertEquals("", build.err());
        assertTrue(Files.isDirectory(dir.resolve("store/tdb2")));

        Result query = java("query", "--store", store, "--format", "tsv",
                "SELECT (COUNT(DISTINCT ?i) AS ?items) { ?i a schema:CreativeWork }");
        assertEquals(0, query.code(), query.err());
        assertEquals("?items\n4\n", query.out());

        Result export = java("export", "--store", store, "--format", "ntriples");
        assertEquals(0, export.code(), export.err());
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParser.fromString(export.out(), org.apache.jena.riot.Lang.NTRIPLES).parse(g);
        assertEquals(export.out().lines().count(), g.size());
        assertTrue(g.size() > 500, "the seeds' union graph on standard output");
    }

    @Test
    void aServerThatAcceptsUpdatesForgetsTheFileIndex() throws Exception {
        String store = dir.resolve("store").toString();
        assertEquals(0, java("build", "--store", store, "seeds").code());
        Path index = dir.resolve("store/files.tsv");
        assertTrue(Files.exists(index));
        Path passwords = Files.writeString(dir.resolve("passwords"), "admin: secret\n");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", JAR.toString(), "serve", "--store", store, "--port", "0", "--update", "--password-file",
                passwords.toString()).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("Serving "), String.valueOf(first));
            // Writes through the server are not in the index: the next build must read the store.
            assertFalse(Files.exists(index));
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        Result build = java("build", "--store", store, "seeds");
        assertEquals(0, build.code(), build.err());
        assertTrue(Files.exists(index));
    }

    @Test
    void serveWithoutAHeapOptionRunsIn1GiBAndItsChildEndsWithTheLauncher() throws Exception {
        String store = dir.resolve("store").toString();
        assertEquals(0, java("build", "--store", store, "seeds").code());
        for (boolean kill : new boolean[] {true, false}) {
            Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString(), "serve", "--store", store, "--port", "0").redirectErrorStream(true).start();
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("Serving "), String.valueOf(first));
            String url = first.substring(first.indexOf(" at ") + 4);
            String heap = out.lines().filter(l -> l.startsWith("  heap")).findFirst().orElseThrow();
            assertEquals("  heap       1024 MiB", heap);
            ProcessHandle server = ProcessHandle.of(serve.pid()).orElseThrow().children().findFirst().orElseThrow();
            assertEquals(200, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url + "$/ping")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
            if (kill) {
                // kill -9 of the launcher: the server notices and stops too, releasing the store.
                serve.destroyForcibly();
            } else {
                serve.destroy();
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
                assertEquals(143, serve.exitValue());
            }
            server.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(Files.exists(dir.resolve("store/server.properties")), "the server's record outlived it");
            out.close();
        }
        assertEquals(0, java("compact", "--store", store).code(), "the store was left held");
    }

    @Test
    void aStoreThisUserMayNotReadIsOneLine() throws Exception {
        // Root reads everything: the case needs another user, here nobody, through runuser.
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/sbin/runuser")), "needs root and runuser to act as another user");
        String store = dir.resolve("store").toString();
        assertEquals(0, java("build", "--store", store, "seeds").code());
        Files.setPosixFilePermissions(dir.resolve("store"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        for (Path p = dir; p != null; p = p.getParent()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.getPosixFilePermissions(p)
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE) || p.equals(dir),
                    "nobody cannot reach " + p);
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        Process p = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "info", "--store", store)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertEquals("newsgraph: cannot read store " + store + ": permission denied (" + store + ")\n", output);
    }

    @Test
    void aDamagedStoreIsOneLineSayingWhatToDoAndBuildFullMendsIt() throws Exception {
        String store = dir.resolve("store").toString();
        assertEquals(0, java("build", "--store", store, "seeds").code());
        try (var f = new java.io.RandomAccessFile(dir.resolve("store/tdb2/Data-0001/SPO.bpt").toFile(), "rw")) {
            byte[] garbage = new byte[8192];
            java.util.Arrays.fill(garbage, (byte) 0xFF);
            f.write(garbage);
        }
        for (String command : List.of("info", "export")) {
            Result r = command.equals("info") ? java(command, "--store", store)
                    : java(command, "--store", store, "--format", "nquads");
            assertEquals(1, r.code(), command);
            assertEquals("newsgraph: the store cannot be read, it is damaged (BlockAccessBase: Bounds exception: " + store
                    + "/tdb2/Data-0001/SPO.idn: (-1,1024)): restore a backup with 'restore', or build it again with"
                    + " 'build --full'\n", r.err(), command);
        }
        Result mended = java("build", "--full", "--store", store, "seeds");
        assertEquals(0, mended.code(), mended.err());
        assertEquals(0, java("info", "--store", store).code());
    }

    @Test
    void aServedStoreIsBackedUpThroughItsServerAndInfoNamesIt() throws Exception {
        String store = dir.resolve("store").toString();
        assertEquals(0, java("build", "--store", store, "seeds").code());
        Path local = dir.resolve("local.nq.gz");
        Result direct = java("backup", "--store", store, "--out", local.toString());
        assertEquals(0, direct.code(), direct.err());
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", JAR.toString(), "serve", "--store", store, "--port", "0").redirectErrorStream(true).start();
        Path served = dir.resolve("served.nq.gz");
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("Serving "), String.valueOf(first));
            String url = first.substring(first.indexOf(" at ") + 4);
            Result info = java("info", "--store", store);
            assertEquals(0, info.code(), info.err());
            assertEquals("store          " + store + "\nserver         process " + serve.pid()
                    + " holds the store, serving it at " + url + "; stop it to see the rest\n", info.out());
            Result backup = java("backup", "--store", store, "--out", served.toString());
            assertEquals(0, backup.code(), backup.err());
            assertTrue(backup.out().startsWith("backed up " + store + " through the server at " + url + " (process "
                    + serve.pid() + "): "), backup.out());
            Result compact = java("compact", "--store", store);
            assertEquals(4, compact.code());
            assertTrue(compact.err().startsWith("newsgraph: store " + store + " is in use by process " + serve.pid()), compact.err());
            Result restore = java("restore", "--force", "--store", store, local.toString());
            assertEquals(4, restore.code());
            assertTrue(restore.err().startsWith("newsgraph: store " + store + " is in use by process " + serve.pid()), restore.err());
            assertFalse(Files.exists(dir.resolve("store/.staging")), "a refused restore left its staging");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(dir.resolve("store/server.properties")), "the server's record outlived it");
        // The same quads either way.
        org.apache.jena.sparql.core.DatasetGraph a = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(local.toString(),
                org.apache.jena.riot.Lang.NQUADS);
        org.apache.jena.sparql.core.DatasetGraph b = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(served.toString(),
                org.apache.jena.riot.Lang.NQUADS);
        assertTrue(a.stream().count() > 500);
        assertTrue(org.newsgraph.Datasets.isomorphic(a, b), "a backup through the server differs from one made directly");
    }

    @Test
    void aServerWatchingItsCorpusIsTheOnlyWriterOfItsStore() throws Exception {
        Path corpus = dir.resolve("seeds");
        org.newsgraph.TestSupport.copyTree(Path.of("seeds"), corpus);
        String store = dir.resolve("store").toString();
        assertEquals(0, java("build", "--store", store, corpus.toString()).code());
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", JAR.toString(), "serve", "--store", store, "--port", "0", "--watch", corpus.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("Serving "), String.valueOf(first));
            String url = first.substring(first.indexOf(" at ") + 4);
            List<String> banner = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = out.readLine()) {
                banner.add(line);
            }
            assertEquals("  watching   " + corpus, banner.get(banner.size() - 1));
            String expected = "newsgraph: store " + store + " is in use by process " + serve.pid()
                    + " (a running 'serve'?): stop it first, or let the server update it with 'serve --watch PATH...'\n";
            for (String[] args : List.of(new String[] {"build", "--full", "--store", store, corpus.toString()},
                    new String[] {"build", "--store", store, corpus.toString()})) {
                Result build = java(args);
                assertEquals(4, build.code(), build.out());
                assertEquals(expected, build.err());
            }
            // The server still answers from the database it has open, and follows the folder.
            String count = "SELECT (COUNT(*) AS ?n) { ?s <https://schema.org/headline> \"Added while served\" }";
            assertEquals("n\r\n0\r\n", query(url, count));
            Files.writeString(corpus.resolve("added.md"), "---\ntitle: Added while served\nwebUrl: https://x.example/a\n---\n");
            long start = System.nanoTime();
            while (!query(url, count).equals("n\r\n1\r\n")) {
                assertTrue(System.nanoTime() - start < 5_000_000_000L, "the change not answered within 5 s");
                Thread.sleep(50);
            }
            String line = out.readLine();
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ watch: 1 loaded, 0 removed, 0 rejected; 5 items, \\d+ triples; \\d+\\.\\d s"),
                    line);
            assertFalse(Files.exists(dir.resolve("store/.staging")));
            assertFalse(Files.exists(dir.resolve("store/.retired")));
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        // What the server built is what a build would have: nothing left to do.
        Result after = java("build", "--quiet", "--store", store, corpus.toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().startsWith("incremental build: 3 files (0 loaded, 3 unchanged, 0 rejected, 0 removed); 5 items,"),
                after.out());
    }

    @Test
    void aWatchingServerCompactsItsStoreBeforeItServes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(org.newsgraph.TestSupport.POWERAPPS),
                "needs ../shared/corpus/powerapps");
        Path corpus = org.newsgraph.TestSupport.copyOfPowerappsOrSeeds(dir);
        String store = dir.resolve("store").toString();
        assertEquals(0, java("build", "--quiet", "--store", store, corpus.toString()).code());
        Path file;
        try (var files = Files.list(corpus.resolve("_news"))) {
            file = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file).replaceFirst("(?m)^title: .*$", "title: \"Retitled\""));
        Result update = java("build", "--quiet", "--no-compact", "--store", store, corpus.toString());
        assertEquals(0, update.code(), update.err());
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", JAR.toString(), "serve", "--store", store, "--port", "0", "--watch", corpus.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> banner = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = out.readLine()) {
                banner.add(line);
            }
            assertTrue(banner.stream().anyMatch(l -> l.matches("  compacted  database [0-9.]+ MB \\(\\d+ % garbage\\) -> .*")),
                    String.join("\n", banner));
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String query(String url, String sparql) throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "news/sparql?query="
                + java.net.URLEncoder.encode(sparql, StandardCharsets.UTF_8))).header("Accept", "text/csv").build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void badInputNeverPrintsAStackTrace() throws Exception {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Files.write(corpus.resolve("binary.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        Files.writeString(corpus.resolve("ok.md"), "---\ntitle: Fine\nwebUrl: https://a.example/\n---\n");
        Result build = java("build", "--store", dir.resolve("store").toString(), corpus.toString());
        assertEquals(2, build.code());
        assertEquals(corpus.resolve("binary.md") + ":2:1: not valid UTF-8 (byte 0xC3)\n", build.err());
        assertFalse(build.out().contains("Exception"));

        Result usage = java("build");
        assertEquals(1, usage.code());
        assertFalse(usage.err().contains("\tat "), usage.err());
    }
}
