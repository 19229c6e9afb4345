package org.newsgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * {@code DIR/server.properties}: the process id and local URL of the server that holds the store,
 * written when {@code serve} starts and deleted when it stops, so that other commands can reach
 * the store through it (TDB2 lets one process open a database). A record left by a server that
 * was killed is ignored: it counts only while its process holds the store's lock.
 *
 * @param url the server's root, ending in '/'
 */
public record ServerRecord(long pid, String url) {

    static final String NAME = "server.properties";

    /**
     * Records this process as serving the store at {@code layout} at {@code url}. A folder that
     * cannot take the record still serves; other commands then only learn that a process holds it.
     */
    public static void write(StoreLayout layout, String url) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("url", url);
        Path file = layout.dir().resolve(NAME);
        try {
            AtomicFile.write(file, out -> p.store(out, "newsgraph serve"));
        } catch (IOException e) {
            LoggerFactory.getLogger(ServerRecord.class).info("cannot record the server in {}: {}", file, e.toString());
        }
    }

    /** Deletes the record if this process wrote it. */
    public static void delete(StoreLayout layout) {
        ServerRecord r = readFile(layout);
        if (r != null && r.pid() == ProcessHandle.current().pid()) {
            try {
                Files.deleteIfExists(layout.dir().resolve(NAME));
            } catch (IOException ignored) {
                // the next server overwrites it, and a stale record is ignored
            }
        }
    }

    /** The server that holds the store at {@code layout}, or null if none does (or it is not a newsgraph server). */
    public static ServerRecord of(StoreLayout layout) {
        Long holder = StoreInfo.holder(layout);
        ServerRecord r = readFile(layout);
        return holder != null && r != null && r.pid() == holder ? r : null;
    }

    private static ServerRecord readFile(StoreLayout layout) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(layout.dir().resolve(NAME))) {
            p.load(in);
            String url = p.getProperty("url");
            return url == null ? null : new ServerRecord(Long.parseLong(p.getProperty("pid", "-1")), url);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
