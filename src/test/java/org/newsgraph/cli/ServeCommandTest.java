package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.TdbStore;

/** What an operator can get wrong starting a server: one line each, exit code 1, no Java class names. */
class ServeCommandTest {

    @TempDir
    Path dir;
    String store;

    @BeforeEach
    void build() {
        store = dir.resolve("store").toString();
        assertEquals(0, CliRun.of("build", "--quiet", "--store", store, "seeds").exitCode());
        TdbStore.release(dir.resolve("store").resolve("tdb2"));
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliRun run = CliRun.of("serve", "--store", store, "--port", Integer.toString(port));
            assertEquals(1, run.exitCode());
            assertEquals("newsgraph: cannot listen on 127.0.0.1:" + port
                    + ": the port is in use (another server?); choose another with --port\n", run.err());
        }
    }

    @Test
    void anAddressThisMachineDoesNotHaveIsOneLine() {
        // 192.0.2.1 is TEST-NET-1, for documentation: no machine has it.
        CliRun run = CliRun.of("serve", "--store", store, "--port", "0", "--host", "192.0.2.1");
        assertEquals(1, run.exitCode());
        assertEquals("newsgraph: cannot listen on 192.0.2.1:0: Cannot assign requested address\n", run.err());
    }

    @Test
    void aMissingOrBrokenConfigurationIsOneLine() throws Exception {
        Path missing = dir.resolve("no-such.ttl");
        CliRun none = CliRun.of("serve", "--store", store, "--port", "0", "--config", missing.toString());
        assertEquals(1, none.exitCode());
        assertEquals("newsgraph: no such configuration file: " + missing + "\n", none.err());

        Path broken = dir.resolve("broken.ttl");
        Files.writeString(broken, "@prefix fuseki: <http://jena.apache.org/fuseki#> .\n\n<#s> fuseki:name \"news\" ;;; {\n");
        CliRun bad = CliRun.of("serve", "--store", store, "--port", "0", "--config", broken.toString());
        assertEquals(1, bad.exitCode());
        assertEquals("newsgraph: not a Fuseki configuration (Turtle): " + broken + ":3:29: Triples not terminated by DOT\n",
                bad.err());
    }
}
