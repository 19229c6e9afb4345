package org.newsgraph.store;

import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.newsgraph.mapping.FileMapper;
import org.newsgraph.mapping.IriMinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the destination of a build, as Jena's {@code LoaderFactory} picks a loader. */
final class Destinations {

    private static final Logger LOG = LoggerFactory.getLogger(Destinations.class);

    private Destinations() {
    }

    /**
     * The store at {@code layout}: one write transaction on it if it exists and was built with
     * this base and mapping version, else a fresh database through the bulk loader (also for
     * {@code --full}).
     */
    static BuildDestination local(StoreLayout layout, BuildOptions options, IriMinter iris, List<String> roots,
            Phases phases) {
        if (!options.full() && layout.exists()) {
            long openStart = System.nanoTime();
            NewsStore store = NewsStore.open(layout);
            try {
                if (sameSettings(store.database(), iris)) {
                    LOG.info("opening the store: {} ms", (System.nanoTime() - openStart) / 1_000_000);
                    return new TdbTransactionDestination(layout, store.dataset(), store.database(), iris, roots,
                            options.compact(), phases, store);
                }
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            store.close();
        }
        return new TdbBulkDestination(layout, iris, roots, phases);
    }

    /**
     * The database a running server has open, with its text index ({@code serve --watch}): a
     * {@code DatasetGraphText} over TDB2, as {@code fuseki-config/config.ttl} assembles it. It is
     * not compacted: TDB2 5.6's switchable dataset sends a reader's end to the generation current
     * at that moment, so a reader that began before the switch never ends on the old generation,
     * which compaction then waits for forever (the hang apache/jena#3488 reports; 8 test runs of 14
     * hung here). {@code serve --watch} compacts when it starts, before it serves.
     */
    static BuildDestination served(StoreLayout layout, DatasetGraph served, IriMinter iris, List<String> roots,
            Phases phases) {
        DatasetGraph database = served;
        // TDB2's switchable dataset, which compaction switches to the next generation.
        while (!(database instanceof DatasetGraphSwitchable) && database instanceof DatasetGraphWrapper w) {
            database = w.getWrapped();
        }
        if (!(database instanceof DatasetGraphSwitchable)) {
            throw new StoreException("the served dataset is not a TDB2 database (a --config of your own?): --watch"
                    + " needs the store's, as fuseki-config/config.ttl sets it up");
        }
        if (!sameSettings(database, iris)) {
            throw new StoreException("store " + layout.dir() + " was built with another base or mapping version;"
                    + " run 'build --full' on it before serving it with --watch");
        }
        return new TdbTransactionDestination(layout, served, database, iris, roots, false, phases, null);
    }

    /** True if the database was built with this base and mapping version (else it is rebuilt in full). */
    private static boolean sameSettings(DatasetGraph database, IriMinter iris) {
        BuildMetadata.Settings settings = Txn.calculateRead(database, () -> BuildMetadata.storedSettings(database));
        if (settings == null) {
            return false;
        }
        boolean same = settings.base().equals(iris.base()) && settings.mappingVersion().equals(FileMapper.MAPPING_VERSION);
        if (!same) {
            LOG.info("Store was built with base {} and mapping version {}: rebuilding in full", settings.base(),
                    settings.mappingVersion());
        }
        return same;
    }
}
