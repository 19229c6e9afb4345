package org.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;

/** The page benchmark stays runnable: {@code bench/page-latency} with 2 warm requests a page over the seeds. */
class BenchPageLatencyIT {

    @TempDir
    Path dir;

    @Test
    void timesEveryPageOverTheSeeds() throws Exception {
        Path store = dir.resolve("store");
        assertEquals(0, Main.run(System.out, System.err, "build", "--store", store.toString(), "seeds"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder("python3", "bench/page-latency", store.toString(), "2").redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "bench/page-latency did not finish");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);
        List<String> names = stdout.lines().filter(l -> l.startsWith("page.")).map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("page.home.first", "page.topic.first", "page.provider.first", "page.home.p50", "page.home.p95",
                "page.topic.p50", "page.topic.p95", "page.topic.page2.p50", "page.topic.page2.p95", "page.provider.p50",
                "page.provider.p95", "page.item.p50", "page.item.p95", "page.search.p50", "page.search.p95"), names);
        assertTrue(stdout.contains("| topic | `/id/topic/"), stdout);
        assertEquals(2, new ProcessBuilder("python3", "bench/page-latency").start().waitFor(), "usage error");
    }
}
