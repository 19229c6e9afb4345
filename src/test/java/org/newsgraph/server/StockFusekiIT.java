package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.TestSupport;
import org.newsgraph.cli.Main;

/**
 * fuseki-config/config.ttl is a real Fuseki configuration: the stock jena-fuseki-server jar, run
 * with it over a store built by newsgraph, answers the sample queries (including full text).
 */
class StockFusekiIT {

    static final Path FUSEKI = Path.of("target", "stock", "jena-fuseki-server.jar");

    @Test
    void stockFusekiServesABuiltStoreWithTheProjectConfig(@TempDir Path dir) throws Exception {
        // The layout of a checkout: fuseki-config/config.ttl beside store/.
        Path config = dir.resolve("fuseki-config/config.ttl");
        Files.createDirectories(config.getParent());
        Files.copy(Path.of("fuseki-config/config.ttl"), config);
        assertEquals(0, Main.run(System.out, System.err, "build", "--quiet", "--store", dir.resolve("store").toString(), "seeds"));

        int port = TestSupport.freePort();
        Path log = dir.resolve("fuseki.log");
        Process fuseki = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", FUSEKI.toAbsolutePath().toString(), "--config", config.toString(), "--port", Integer.toString(port),
                "--localhost")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClientSupport http = new HttpClientSupport(port);
            TestSupport.waitForPing(port, fuseki, log);
            for (SampleQuery q : SampleQuery.load(Path.of("queries"))) {
                if (List.of("02-providers-ranked-by-items", "08-items-by-a-word", "11-topic-tree").contains(q.name())) {
                    HttpResponse<String> response = http.query(q.text(), "text/csv");
                    assertEquals(200, response.statusCode(), q.name() + ": " + response.body());
                    assertTrue(response.body().lines().count() > 1, q.name() + " answered no rows: " + response.body());
                }
            }
            HttpResponse<String> words = http.query(SampleQuery.load(Path.of("queries")).stream()
                    .filter(q -> q.name().startsWith("08-")).findFirst().orElseThrow().text(), "text/csv");
            assertTrue(words.body().contains("China Renews Its Pitch on AI Governance at World Internet Conference"), words.body());
            assertEquals(4, words.body().lines().count(), "one row per item: " + words.body());
        } finally {
            fuseki.destroy();
            fuseki.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
