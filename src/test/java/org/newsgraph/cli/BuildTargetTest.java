package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.server.NewsServer;
import org.newsgraph.server.ServerOptions;
import org.newsgraph.store.TdbStore;

/**
 * {@code build --target} meeting a remote that says no: a newsgraph server with updates behind
 * HTTP Basic (Fuseki underneath), as a user's store with a password would be.
 */
class BuildTargetTest {

    static final String SUFFIX = " (the store is updated; what was not sent goes with the next build)\n";

    @TempDir
    Path dir;
    NewsServer remote;
    String data;

    @BeforeEach
    void startRemote() throws Exception {
        Path remoteStore = dir.resolve("remote");
        assertEquals(0, CliRun.of("build", "--quiet", "--store", remoteStore.toString(), "seeds").exitCode());
        Path users = dir.resolve("users");
        Files.writeString(users, "editor: s3cret\n");
        remote = NewsServer.start(new ServerOptions(remoteStore, "127.0.0.1", 0, IriMinter.DEFAULT_BASE, 10, users, false,
                false, null, 16 << 20, 256 << 20));
        data = "http://127.0.0.1:" + remote.port() + "/news/data";
        Files.writeString(dir.resolve("password"), "s3cret\n");
        Files.writeString(dir.resolve("wrong"), "guess\n");
    }

    @AfterEach
    void stopRemote() {
        remote.close();
        TdbStore.release(dir.resolve("remote").resolve("tdb2"));
    }

    @Test
    void refusalsAreOneLineAndExitFiveAndTheNextBuildSendsWhatWasNot() {
        String store = dir.resolve("store").toString();
        CliRun anonymous = CliRun.of("build", "--quiet", "--store", store, "--target", data, "seeds");
        assertEquals(ExitCodes.NOT_SENT, anonymous.exitCode(), anonymous.out());
        assertTrue(anonymous.err().matches("newsgraph: \\Q" + data + "\\E answered 401 Unauthorized to PUT of graph <[^>]+>:"
                + " give --user NAME --password-file FILE\\Q" + SUFFIX + "\\E"), anonymous.err());
        assertTrue(anonymous.out().startsWith("full build: 2 files (2 loaded, "), anonymous.out());

        CliRun wrong = CliRun.of("build", "--quiet", "--store", store, "--target", data, "--user", "editor",
                "--password-file", dir.resolve("wrong").toString(), "seeds");
        assertEquals(ExitCodes.NOT_SENT, wrong.exitCode());
        assertTrue(wrong.err().matches("newsgraph: \\Q" + data + "\\E answered 401 Unauthorized to PUT of graph <[^>]+>:"
                + " wrong user name or password\\Q" + SUFFIX + "\\E"), wrong.err());

        CliRun nowhere = CliRun.of("build", "--quiet", "--store", store, "--target", data.replace("/data", "/nothing-here"),
                "--user", "editor", "--password-file", dir.resolve("password").toString(), "seeds");
        assertEquals(ExitCodes.NOT_SENT, nowhere.exitCode());
        assertTrue(nowhere.err().matches("newsgraph: \\S+ answered 405 Method Not Allowed to PUT of graph <[^>]+>: is it the"
                + " Graph Store endpoint of an updatable dataset\\?\\Q" + SUFFIX + "\\E"), nowhere.err());

        // Nothing changed in the corpus, but nothing reached the remote yet: all of it goes now.
        CliRun allowed = CliRun.of("build", "--quiet", "--store", store, "--target", data, "--user", "editor",
                "--password-file", dir.resolve("password").toString(), "seeds");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertEquals("", allowed.err());
        assertTrue(allowed.out().matches("incremental build: 2 files \\(0 loaded, 2 unchanged, 0 rejected, 0 removed\\);"
                + " 4 items, \\d+ triples; sent \\d+ requests to \\Q" + data + "\\E; \\d+\\.\\d s\n"), allowed.out());
        CliRun again = CliRun.of("build", "--quiet", "--store", store, "--target", data, "--user", "editor",
                "--password-file", dir.resolve("password").toString(), "seeds");
        assertTrue(again.out().contains("; sent 0 requests to "), again.out());
    }

    @Test
    void aGraphLargerThanANewsgraphServerTakesIsRefusedBeforeItIsSent() throws Exception {
        Path small = dir.resolve("small");
        assertEquals(0, CliRun.of("build", "--quiet", "--store", small.toString(), "seeds").exitCode());
        try (NewsServer limited = NewsServer.start(new ServerOptions(small, "127.0.0.1", 0, IriMinter.DEFAULT_BASE, 10,
                dir.resolve("users"), false, false, null, 4096, 256 << 20))) {
            String url = "http://127.0.0.1:" + limited.port() + "/news/data";
            for (int i = 0; i < 3; i++) {
                CliRun big = CliRun.of("build", "--quiet", "--store", dir.resolve("store" + i).toString(), "--target", url,
                        "--user", "editor", "--password-file", dir.resolve("password").toString(), "seeds");
                assertEquals(ExitCodes.NOT_SENT, big.exitCode());
                assertTrue(big.err().matches("newsgraph: \\Q" + url + "\\E answered 413 Payload Too Large to PUT of graph"
                        + " <[^>]+>: the remote limits request bodies; raise its limit\\Q" + SUFFIX + "\\E"), big.err());
            }
        } finally {
            TdbStore.release(small.resolve("tdb2"));
        }
    }

    @Test
    void aRemoteThatCannotTakeAGraphIsOneLine() throws Exception {
        // A remote that reads each body and then refuses it, as a store with a size limit or an outage would.
        for (int status : new int[] {413, 503}) {
            HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            refusing.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = ("Refused by the test\nsecond line").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            refusing.start();
            try {
                String url = "http://127.0.0.1:" + refusing.getAddress().getPort() + "/ds";
                CliRun run = CliRun.of("build", "--quiet", "--store", dir.resolve("store" + status).toString(), "--target",
                        url, "seeds");
                assertEquals(ExitCodes.NOT_SENT, run.exitCode());
                String why = status == 413 ? "413 Payload Too Large to PUT of graph <[^>]+>: the remote limits request"
                        + " bodies; raise its limit" : "503 to PUT of graph <[^>]+>: Refused by the test";
                assertTrue(run.err().matches("newsgraph: \\Q" + url + "\\E answered " + why + "\\Q" + SUFFIX + "\\E"),
                        run.err());
            } finally {
                refusing.stop(0);
            }
        }
    }

    @Test
    void badTargetOptionsAreUsageErrors() {
        String store = dir.resolve("store").toString();
        CliRun ftp = CliRun.of("build", "--store", store, "--target", "ftp://x.example/ds", "seeds");
        assertEquals(1, ftp.exitCode());
        assertEquals("newsgraph: --target must be an http or https URL, got 'ftp://x.example/ds'\n", ftp.err());
        CliRun alone = CliRun.of("build", "--store", store, "--user", "editor", "seeds");
        assertEquals(1, alone.exitCode());
        assertEquals("newsgraph: --user and --password-file are only used with --target URL\n", alone.err());
        CliRun half = CliRun.of("build", "--store", store, "--target", data, "--user", "editor", "seeds");
        assertEquals(1, half.exitCode());
        assertEquals("newsgraph: --user and --password-file go together\n", half.err());
    }
}
