package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files of a store folder: {@code DIR/tdb2} is a plain TDB2 database that stock Jena tools
 * open; a full build is written to {@code DIR/tdb2.new} and swapped in only when complete, so a
 * failed or killed full build never damages the store it replaces.
 */
public record StoreLayout(Path dir) {

    public Path database() {
        return dir.resolve("tdb2");
    }

    Path staging() {
        return dir.resolve("tdb2.new");
    }

    private Path retired() {
        return dir.resolve("tdb2.old");
    }

    /** True if the store holds a database. */
    public boolean exists() {
        return Files.isDirectory(database());
    }

    /**
     * Completes or discards what an interrupted build left: a staged database that was never
     * swapped in is discarded; a swap cut between its two renames is finished.
     */
    void recover() {
        try {
            if (!Files.exists(database()) && Files.isDirectory(retired()) && Files.isDirectory(staging())
                    && Files.exists(staging().resolve(COMPLETE))) {
                Files.move(staging(), database(), StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.exists(database()) && Files.isDirectory(retired())) {
                Files.move(retired(), database(), StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(staging());
            deleteTree(retired());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String COMPLETE = "newsgraph-complete";

    /** Replaces the database by the staged one. */
    void swapInStaging() {
        try {
            Files.createFile(staging().resolve(COMPLETE));
            if (Files.exists(database())) {
                Files.move(database(), retired(), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging(), database(), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(database().resolve(COMPLETE));
            deleteTree(retired());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void discardStaging() {
        try {
            deleteTree(staging());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
