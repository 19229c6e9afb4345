package org.newsgraph;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What several tests do around a corpus and a server process. */
public final class TestSupport {

    private TestSupport() {
    }

    /** Copies the folder {@code from} and all below it to {@code to}. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The shared corpus the live-update tests edit, when it is there. */
    public static final Path POWERAPPS = Path.of("..", "shared", "corpus", "powerapps");

    /**
     * A copy in {@code dir} of the powerapps corpus, or of the demo data where {@code ../shared}
     * is absent (a copy of ../shared/seeds), under the same folder name.
     */
    public static Path copyOfPowerappsOrSeeds(Path dir) throws IOException {
        Path source = Files.isDirectory(POWERAPPS) ? POWERAPPS : Path.of("seeds");
        Path corpus = dir.resolve(source.getFileName().toString());
        copyTree(source, corpus);
        return corpus;
    }

    /** A port free on this machine now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits up to a minute for a Fuseki process to answer {@code /$/ping} on {@code port}. */
    public static void waitForPing(int port, Process fuseki, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping")).build();
        for (int i = 0; i < 120; i++) {
            if (!fuseki.isAlive()) {
                throw new AssertionError("Fuseki exited: " + Files.readString(log));
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Fuseki did not start: " + Files.readString(log));
    }
}
