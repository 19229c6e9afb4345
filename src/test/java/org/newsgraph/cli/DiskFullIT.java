package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that fills the disk: one line, exit 1, and the store as it was. The disk is a small
 * tmpfs (needs the right to mount, as root in CI; skipped otherwise). Whether TDB2 meets the full
 * disk in a file write (an IOException, often wrapped by Jena or Lucene) or in a memory-mapped
 * write (a fault the JVM raises as InternalError, in whichever thread, even a loader's worker
 * that the main thread then waited for forever) depends on the size: both are tried.
 */
class DiskFullIT {

    static final Path CORPUS = Path.of("..", "shared", "corpus", "powerapps");
    /** Either "the disk is full (No space left on device): free…" or "the disk is full, or a store file is truncated: …". */
    static final String DISK_FULL = "newsgraph: the disk is full";

    @TempDir
    Path dir;
    Path disk;

    boolean mount(String size) throws IOException, InterruptedException {
        disk = Files.createDirectories(dir.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBuildThatFillsTheDiskSaysSoInOneLineAndTheStoreIsAsItWas() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/powerapps is not present");
        for (String size : List.of("3m", "4m", "10m")) {
            assumeTrue(mount(size), "cannot mount a tmpfs here (not root?)");
            String store = disk.resolve("store").toString();
            assertEquals(0, JarIT.java("build", "--store", store, "seeds").code());
            JarIT.Result full = JarIT.java("build", "--store", store, "seeds", CORPUS.toString());
            assertEquals(1, full.code(), size + ": " + full.err());
            assertTrue(full.err().startsWith(DISK_FULL) && full.err().lines().count() == 1, size + ": " + full.err());
            assertTrue(full.err().endsWith("free some space and run the command again (what it was writing was not committed)\n"),
                    full.err());
            JarIT.Result again = JarIT.java("build", "--store", store, "seeds");
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("2 seen: 0 loaded, 2 unchanged, 0 rejected, 0 removed"), size + ": " + again.out());
            unmount();
        }
    }

    @Test
    void aFirstBuildThatFillsTheDiskLeavesNoStoreAndTheNextOneWorks() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/powerapps is not present");
        assumeTrue(mount("2m"), "cannot mount a tmpfs here (not root?)");
        String store = disk.resolve("store").toString();
        JarIT.Result first = JarIT.java("build", "--store", store, CORPUS.toString());
        assertEquals(1, first.code(), first.err());
        assertTrue(first.err().startsWith(DISK_FULL) && first.err().lines().count() == 1, first.err());
        JarIT.Result info = JarIT.java("info", "--store", store);
        assertEquals("newsgraph: no store at " + store + " (run 'build --store " + store + " PATH' first)\n", info.err());
        JarIT.Result seeds = JarIT.java("build", "--store", store, "seeds");
        assertEquals(0, seeds.code(), seeds.err());
    }
}
