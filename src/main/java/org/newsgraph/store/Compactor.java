package org.newsgraph.store;

import java.time.Duration;
import java.util.Iterator;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.newsgraph.mapping.IriMinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a store's database without its garbage: its quads go through the TDB2 bulk loader into
 * a new database beside it, which replaces it when complete, as a full build's does. So the
 * result is as small as a fresh build, and a compaction that fails or is killed leaves the store
 * as it was. (TDB2's {@code DatabaseMgr.compact} copies quad by quad in one transaction instead;
 * BENCHMARKS.md compares the two.) The text index and the file index describe the same contents
 * before and after, and stay.
 */
public final class Compactor {

    private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);

    /** A build compacts the store when at least this share of its database is garbage. */
    public static final double GARBAGE_THRESHOLD = 0.25;

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
        long start = System.nanoTime();
        layout.recover();
        StoreSpace before = measure(layout);
        StoreLayout staging = layout.staging();
        layout.discardStaging();
        DatasetGraph source = TdbStore.connect(layout.database());
        DatasetGraph target = TdbStore.connect(staging.database());
        try {
            copy(source, target);
            long copied = Txn.calculateRead(target, () -> StoreCounter.quads(target));
            long original = Txn.calculateRead(source, () -> StoreCounter.quads(source));
            if (copied != original) {
                throw new StoreException("compaction copied " + copied + " quads of " + original
                        + "; the store is left as it was");
            }
            IriMinter iris = new IriMinter(StoreInfo.base(target));
            VoidDescription.Figures figures = Txn.calculateRead(target, () -> VoidDescription.read(target, iris));
            if (figures != null) {
                OptimizerStatistics.write(target, figures);
            }
        } catch (RuntimeException e) {
            TdbStore.release(staging.database());
            layout.discardStaging();
            throw e;
        } finally {
            TdbStore.release(layout.database());
            TdbStore.release(staging.database());
        }
        layout.swapInStaging();
        StoreSpace after = measure(layout);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("compacting: {} -> {} bytes of database in {} ms", before.databaseBytes(), after.databaseBytes(),
                time.toMillis());
        return new Result(before, after, time);
    }

    /** Every quad and prefix of {@code source} into the empty database {@code target}, by the bulk loader. */
    private static void copy(DatasetGraph source, DatasetGraph target) {
        DataLoader loader = LoaderFactory.phasedLoader(target, (format, args) -> LOG.debug(String.format(format, args)));
        StreamRDF out = loader.stream();
        loader.startBulk();
        try {
            Txn.executeRead(source, () -> {
                for (Iterator<Quad> it = source.find(); it.hasNext(); ) {
                    out.quad(it.next());
                }
            });
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        Txn.executeWrite(target, () -> Txn.executeRead(source, () -> target.prefixes().putAll(source.prefixes())));
    }
}
