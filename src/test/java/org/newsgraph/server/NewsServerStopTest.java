package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreLayout;

/** A stopped server leaves nothing running behind it. */
class NewsServerStopTest {

    @Test
    void aStoppedServerNoLongerRereadsItsPasswordFile(@TempDir Path dir) throws Exception {
        new CorpusLoader(new StoreLayout(dir.resolve("store")), new BuildOptions(List.of(Path.of("seeds")),
                IriMinter.DEFAULT_BASE, false, false, 2, Clock.systemUTC()), BuildListener.NONE).build();
        Path users = dir.resolve("users");
        Files.writeString(users, "editor: s3cret\n");
        NewsServer server = NewsServer.start(new ServerOptions(dir.resolve("store"), "127.0.0.1", 0, IriMinter.DEFAULT_BASE,
                10, users, false, false, null, 1 << 20, 256 << 20));
        server.close();
        Files.delete(users);
        // Fuseki's password store rereads its file every 5 s; left running, it warned of the
        // deleted file into the output of whatever ran next.
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Thread.sleep(6_500);
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
