package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

        int port = freePort();
        Path log = dir.resolve("fuseki.log");
        Process fuseki = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", FUSEKI.toAbsolutePath().toString(), "--config", config.toString(), "--port", Integer.toString(port),
                "--localhost")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClientSupport http = new HttpClientSupport(port);
            waitForPing(http, fuseki, log);
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

    private static void waitForPing(HttpClientSupport http, Process fuseki, Path log) throws Exception {
        for (int i = 0; i < 120; i++) {
            if (!fuseki.isAlive()) {
                throw new AssertionError("Fuseki exited: " + Files.readString(log));
            }
            try {
                if (http.get("/$/ping", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Fuseki did not start: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
