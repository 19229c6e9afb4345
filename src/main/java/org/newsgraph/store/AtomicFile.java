package org.newsgraph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files that are whole or absent: written into {@code NAME.partial} beside the file, synced, and
 * renamed over it, so a reader (or the next run after a crash) never sees half of one.
 */
public final class AtomicFile {

    /** What goes into the file. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Replaces {@code file} by {@code content}; on failure the file is as it was and no partial one is left. */
    public static void write(Path file, Content content) throws IOException {
        Path partial = partial(file);
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the first error is the one to tell
            }
            throw e;
        }
    }

    /** Where {@link #write} puts the content until it is complete. */
    static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }
}
