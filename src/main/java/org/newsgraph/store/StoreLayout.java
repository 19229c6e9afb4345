package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of a store: {@code DIR/tdb2}, a plain TDB2 database that stock Jena tools open, and
 * {@code DIR/text}, its Lucene full-text index; beside them {@code DIR/files.tsv}, the file
 * index of the last build ({@link FileIndex}). A full build writes the first two under
 * {@code DIR/.staging} and swaps them in only when complete, so a failed or killed full build never
 * damages the store it replaces.
 */
public record StoreLayout(Path dir) {

    private static final String COMPLETE = "COMPLETE";
    private static final List<String> PARTS = List.of("tdb2", "text");

    public Path database() {
        return dir.resolve("tdb2");
    }

    public Path textIndex() {
        return dir.resolve("text");
    }

    /** The same layout, for a full build in progress. */
    StoreLayout staging() {
        return new StoreLayout(dir.resolve(".staging"));
    }

    private Path retired() {
        return dir.resolve(".retired");
    }

    /** True if the store holds a database. */
    public boolean exists() {
        return Files.isDirectory(database());
    }

    /**
     * Completes or undoes what an interrupted build left: a staged store marked complete is
     * swapped in; one that is not is discarded, and anything already moved aside is restored.
     */
    void recover() {
        try {
            Path staging = staging().dir();
            if (Files.exists(staging.resolve(COMPLETE))) {
                moveStagedParts();
            } else {
                for (String part : PARTS) {
                    Path live = dir.resolve(part);
                    Path old = retired().resolve(part);
                    if (!Files.exists(live) && Files.exists(old)) {
                        Files.move(old, live, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            deleteTree(staging);
            deleteTree(retired());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the live store by the staged one. */
    void swapInStaging() {
        try {
            Files.createFile(staging().dir().resolve(COMPLETE));
            moveStagedParts();
            deleteTree(staging().dir());
            deleteTree(retired());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void moveStagedParts() throws IOException {
        Files.createDirectories(retired());
        for (String part : PARTS) {
            Path staged = staging().dir().resolve(part);
            if (!Files.exists(staged)) {
                continue;
            }
            Path live = dir.resolve(part);
            if (Files.exists(live)) {
                Files.move(live, retired().resolve(part), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged, live, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    void discardStaging() {
        try {
            deleteTree(staging().dir());
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
