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
