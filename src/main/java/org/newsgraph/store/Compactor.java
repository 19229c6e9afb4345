package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a store's database without its garbage, by TDB2's own compaction: the live quads are
 * copied into the next generation of the database ({@code DIR/tdb2/Data-NNNN}), built in a
 * temporary folder that TDB2 moves into place when complete and switches to, and the old
 * generation is deleted. Readers of the open database go on meanwhile, so a server can compact
 * the store it serves; a compaction that fails or is killed leaves the old generation in use
 * (TDB2 deletes the partial one when it next opens the database). The statistics file goes with
 * the database; the text index and the file index describe the same contents and stay.
 */
public final class Compactor {

    private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);

    /** A build compacts the store when at least this share of its database is garbage... */
    public static final double GARBAGE_THRESHOLD = 0.25;

    /**
     * ...and at least this much: a new database's first blocks are replaced by its first write,
     * so even a compacted store shows some garbage (14 blocks, 114,688 bytes, measured on small
     * stores), which on a store under a megabyte is over the share, and compacting again wins nothing.
     */
    public static final long GARBAGE_MINIMUM = 1 << 20;

    /** True if the store taking {@code space} is worth compacting. */
    public static boolean worthCompacting(StoreSpace space) {
        return space.garbageShare() >= GARBAGE_THRESHOLD && space.garbageBytes() >= GARBAGE_MINIMUM;
    }

    /** What a compaction did. */
    public record Result(StoreSpace before, StoreSpace after, Duration time) {
    }

    private Compactor() {
    }

    /** The space the store at {@code layout} takes (it is opened and closed again). */
    public static StoreSpace measure(StoreLayout layout) {
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            return Txn.calculateRead(dsg, () -> StoreSpace.measure(dsg, layout));
        } finally {
            TdbStore.release(layout.database());
        }
    }

    /** Compacts the store at {@code layout}, which no other process may have open. */
    public static Result compact(StoreLayout layout) {
        layout.recover();
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            return compact(dsg, layout);
        } finally {
            TdbStore.release(layout.database());
        }
    }

    /** Compacts the open database {@code dsg} of the store at {@code layout}. */
    public static Result compact(DatasetGraph dsg, StoreLayout layout) {
        long start = System.nanoTime();
        StoreSpace before = Txn.calculateRead(dsg, () -> StoreSpace.measure(dsg, layout));
        DatabaseMgr.compact(dsg, true);
        deleteOlderGenerations(dsg, layout);
        StoreSpace after = Txn.calculateRead(dsg, () -> StoreSpace.measure(dsg, layout));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("compacting: {} -> {} bytes of database in {} ms", before.databaseBytes(), after.databaseBytes(),
                time.toMillis());
        return new Result(before, after, time);
    }

    /**
     * Deletes the generations before the one in use, which a compaction killed after the switch
     * and before its clean-up leaves behind (TDB2 opens the latest and never reads them).
     */
    private static void deleteOlderGenerations(DatasetGraph dsg, StoreLayout layout) {
        Path current = Path.of(TDBInternal.getDatasetGraphTDB(dsg).getLocation().getDirectoryPath()).toAbsolutePath()
                .normalize();
        try (Stream<Path> entries = Files.list(layout.database())) {
            List<Path> old = entries.filter(p -> generation(p) >= 0 && generation(p) < generation(current)).toList();
            for (Path generation : old) {
                StoreLayout.deleteTree(generation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of a generation folder ({@code Data-0002}: 2), or -1 for another file. */
    private static int generation(Path dir) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Data-(\\d+)").matcher(dir.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
