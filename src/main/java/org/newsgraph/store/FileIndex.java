package org.newsgraph.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code DIR/files.tsv}: for every file graph of the store, the content hash it was loaded from
 * and the file's size, modification time and file key when it was read. An incremental build
 * reads it instead of the hashes in the store (100,000 literals decoded from the node table), and
 * does not read a file whose size, time and key are as recorded: reading and hashing every file
 * made most of the time of a build with nothing changed.
 *
 * <p>It describes the store only as the last build committed it: it is deleted before any
 * commit and written after, so a crash between the two leaves none (the next build reads the
 * store). A file changed within {@link #RACY_NANOS} of the build that recorded it is read again,
 * as git does for "racily clean" files: its time alone cannot tell two versions apart. Anything
 * else that writes to the store (a server with updates) must {@link #invalidate} it.
 */
public final class FileIndex {

    static final String NAME = "files.tsv";
    private static final String HEADER = "# newsgraph file index 1";
    /** The coarsest modification-time granularity of the file systems a corpus may live on (FAT: 2 s). */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A file's size, modification time (ns since the epoch) and file key (device and inode; "-" where the system has none). */
    record Stamp(long size, long modified, String key) {
        /** The stamp of the file at {@code path}, or null if it cannot be read. */
        static Stamp of(Path path) {
            try {
                return of(Files.readAttributes(path, BasicFileAttributes.class));
            } catch (IOException e) {
                return null;
            }
        }

        static Stamp of(BasicFileAttributes attributes) {
            return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    Objects.toString(attributes.fileKey(), "-"));
        }
    }

    /** What the store holds for one file graph; {@code stamp} null where the file must be read to know. */
    record Entry(String hash, Stamp stamp) {
        /** True if a file with {@code now} is, without reading it, the one this entry recorded. */
        boolean sameFile(Stamp now) {
            return stamp != null && stamp.equals(now);
        }
    }

    private FileIndex() {
    }

    static Path path(StoreLayout layout) {
        return layout.dir().resolve(NAME);
    }

    /** The entries of the store's file index, or null if it has none (or one it cannot read). */
    static Map<Node, Entry> read(StoreLayout layout) {
        Path path = path(layout);
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith(HEADER + "\t")) {
                return null;
            }
            long trustedBefore = Long.parseLong(header.substring(HEADER.length() + 1));
            Map<Node, Entry> entries = new HashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    return null;
                }
                Stamp stamp = f[1].isEmpty() ? null : new Stamp(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]);
                if (stamp != null && stamp.modified() >= trustedBefore) {
                    stamp = null;
                }
                entries.put(NodeFactory.createURI(f[4]), new Entry(f[0], stamp));
            }
            return entries;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // A damaged index costs only time: the store knows the same.
            return null;
        }
    }

    /**
     * Writes the index of a store just committed. {@code readStart} (ns since the epoch) is when
     * the build began reading files: a file modified later than {@link #RACY_NANOS} before it
     * may have changed again unseen.
     */
    static void write(StoreLayout layout, Map<Node, Entry> entries, long readStart) {
        try {
            AtomicFile.write(path(layout), raw -> {
                BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8));
                out.write(HEADER + "\t" + (readStart - RACY_NANOS) + "\n");
                StringBuilder line = new StringBuilder();
                for (Map.Entry<Node, Entry> e : entries.entrySet()) {
                    String graph = e.getKey().getURI();
                    if (graph.indexOf('\t') >= 0 || graph.indexOf('\n') >= 0) {
                        throw new IOException("graph name with a tab or line break: " + graph);
                    }
                    Entry entry = e.getValue();
                    Stamp s = entry.stamp();
                    line.setLength(0);
                    line.append(entry.hash()).append('\t');
                    if (s != null && s.key().indexOf('\t') < 0 && s.key().indexOf('\n') < 0) {
                        line.append(s.size()).append('\t').append(s.modified()).append('\t').append(s.key());
                    } else {
                        line.append("\t\t");
                    }
                    out.append(line).append('\t').append(graph).append('\n');
                }
                out.flush();
            });
        } catch (IOException e) {
            // The store is committed and complete; without an index the next build reads the store.
            LoggerFactory.getLogger(FileIndex.class).info("cannot write {}: {}", path(layout), e.toString());
        }
    }

    /** Deletes the store's file index, durably, before the store changes other than by a build. */
    public static void invalidate(StoreLayout layout) {
        try {
            if (Files.deleteIfExists(path(layout))) {
                try (FileChannel dir = FileChannel.open(layout.dir(), StandardOpenOption.READ)) {
                    dir.force(true);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot delete " + path(layout) + ": " + e.getMessage());
        }
    }
}
