package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Crash safety stays tested: {@code bench/crash seeds 1} kills a first build, a full build, a
 * compaction and a {@code serve --watch} applying a batch, once each, and every store reopens,
 * survives, keeps its text index in step and ends as a fresh build would (the 20-trial runs on
 * powerapps are by hand, in BENCHMARKS.md).
 */
class BenchCrashIT {

    private static final List<String> KINDS = List.of("first", "full", "compact", "live");

    @TempDir
    Path dir;

    @Test
    void everyKilledRunLeavesAStoreThatRecovers() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "bench/crash", "seeds", "1").redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("BENCH_DIR", dir.resolve("work").toString());
        pb.environment().put("BENCH_SEED", "16");
        // Short runs: the JVM's quick start matters more than its top speed.
        pb.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m");
        Process p = pb.start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(done, "bench/crash seeds 1 did not finish in 10 minutes:\n" + stdout + stderr);
        assertEquals(0, p.exitValue(), stdout + stderr);

        Map<String, String> figures = new HashMap<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.split(" ");
            if (f.length >= 2 && f[0].startsWith("crash.")) {
                figures.put(f[0], f[1]);
            }
        }
        int killed = 0;
        for (String kind : KINDS) {
            assertEquals("1", figures.get("crash." + kind + ".trials"), kind + " in:\n" + stdout);
            assertEquals("1", figures.get("crash." + kind + ".recovered"), kind + " in:\n" + stdout + stderr);
            assertEquals("0", figures.get("crash." + kind + ".failed"), kind + " in:\n" + stdout + stderr);
            killed += Integer.parseInt(figures.get("crash." + kind + ".killed"));
        }
        // The kills land within the time an uninterrupted run takes: most trials are killed mid-run.
        assertTrue(killed >= 1, "no trial was killed mid-run:\n" + stdout);
        assertTrue(stdout.strip().endsWith("bench/crash: every trial passed"), stdout);
    }
}
