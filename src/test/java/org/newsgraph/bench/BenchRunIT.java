package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness keeps working: {@code bench/run 200} generates a corpus, measures every
 * step and prints every figure (the large runs are not part of the test run).
 */
class BenchRunIT {

    @TempDir
    Path dir;

    @Test
    void runsEveryStepOnASmallCorpus() throws Exception {
        // Like the tests that need rapper: skipped, saying why, where the tools are not installed
        // (.ci/run installs them).
        for (String tool : List.of("/usr/bin/time", "/usr/bin/curl")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is not installed (Debian packages time, curl)");
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "bench/run", "200").redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("BENCH_DIR", dir.resolve("work").toString());
        pb.environment().put("JENA_CMDS_JAR", Path.of("target/stock/jena-cmds.jar").toAbsolutePath().toString());
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "bench/run 200 did not finish in 10 minutes");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);

        Map<String, String> figures = new HashMap<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].matches("[a-z0-9.-]+")) {
                figures.put(f[0], f[1] + " " + f[2]);
            }
        }
        assertEquals("200 files", figures.get("corpus.items"));
        assertEquals("1 files", figures.get("corpus.broken"));
        for (String name : List.of("build.full.wall", "build.full.rss", "store.quads", "store.bytes-per-quad",
                "tdbloader.phased.wall", "tdbloader.parallel.wall", "ratio.build-to-tdbloader-phased",
                "export.turtle.wall", "build.unchanged.share", "build.changed-1pct.share", "build.added-1pct.share",
                "build.deleted-1pct.share", "query.07-related-neighbourhood.p95", "build.xmx1g.wall")) {
            assertTrue(figures.containsKey(name), "no figure " + name + " in:\n" + stdout);
        }
        assertEquals(30, figures.keySet().stream().filter(k -> k.startsWith("query.")).count(), stdout);
        assertTrue(Long.parseLong(figures.get("store.quads").split(" ")[0]) > 10_000, figures.get("store.quads"));
        assertTrue(stdout.contains("\nSummary: 200 items (seed 42)"), stdout);
        assertTrue(stdout.strip().endsWith("bench/run: every step succeeded"), stdout);
    }
}
