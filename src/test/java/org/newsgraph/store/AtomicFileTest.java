package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoPartOfTheNew() throws IOException {
        Path file = dir.resolve("export.ttl");
        AtomicFile.write(file, out -> out.write("old\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        // An export that runs out of memory is an Error, not an exception: the same holds.
        assertThrows(OutOfMemoryError.class, () -> AtomicFile.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new OutOfMemoryError("Java heap space");
        }));
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of(file), Files.list(dir).toList());
        assertFalse(Files.exists(AtomicFile.partial(file)));
    }
}
