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
import org.newsgraph.cli.Main;

/** The load test stays runnable: {@code bench/load} with 3 clients for 3 s over the seeds. */
class BenchLoadIT {

    @TempDir
    Path dir;

    @Test
    void threeClientsForThreeSecondsOverTheSeeds() throws Exception {
        Path store = dir.resolve("store");
        assertEquals(0, Main.run(System.out, System.err, "build", "--store", store.toString(), "seeds"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder("bash", "bench/load", store.toString(), "3", "3").redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "bench/load did not finish");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);
        Map<String, String> figures = new HashMap<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.split(" ", 2);
            figures.put(f[0], f.length > 1 ? f[1] : "");
        }
        assertEquals("3 clients", figures.get("load.clients"));
        assertEquals("0 requests", figures.get("load.failures"));
        assertEquals("1024 MiB", figures.get("load.server.heap"), "serve's default heap");
        for (String kind : List.of("sample", "node", "search")) {
            assertTrue(Integer.parseInt(figures.get("load." + kind + ".requests").split(" ")[0]) > 0, kind + ": " + stdout);
        }
        for (String name : List.of("load.p50", "load.p95", "load.p99", "load.server.rss.max")) {
            assertTrue(figures.containsKey(name), "no " + name + " in:\n" + stdout);
        }
    }
}
