package org.newsgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.IriMinter;

/** Facts about a built store that the commands reading it need. */
public final class StoreInfo {

    private StoreInfo() {
    }

    /**
     * Everything {@code info} tells of a store.
     *
     * @param base the base IRI it was built with (null without a build record)
     * @param mappingVersion the mapping version it was built with (null without a build record)
     * @param lastBuild the last build that changed it (null if none recorded one)
     */
    public record Report(String base, String mappingVersion, BuildRecord lastBuild, StoreContents contents,
            StoreSpace space) {
    }

    /** The report of the store at {@code layout}, counted exactly from its indexes (it is opened and closed again). */
    public static Report report(StoreLayout layout) {
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            return Txn.calculateRead(dsg, () -> {
                BuildMetadata.Settings settings = BuildMetadata.storedSettings(dsg);
                IriMinter iris = new IriMinter(settings == null ? IriMinter.DEFAULT_BASE : settings.base());
                return new Report(settings == null ? null : settings.base(),
                        settings == null ? null : settings.mappingVersion(), VoidDescription.lastRun(dsg, iris),
                        StoreCounter.count(dsg, iris), StoreSpace.measure(dsg, layout));
            });
        } finally {
            TdbStore.release(layout.database());
        }
    }

    /**
     * The process, other than this one, that holds the store's TDB2 lock (a running {@code serve}),
     * or null if none does. TDB2 writes the holder's process id into {@code tdb.lock}; a lock left
     * by a process that is gone holds nothing.
     */
    public static Long holder(StoreLayout layout) {
        Path lock = layout.database().resolve("tdb.lock");
        try {
            long pid = Long.parseLong(Files.readString(lock).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && pid != ProcessHandle.current().pid() ? pid : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The base IRI the store was built with (the default base for a store without a build record). */
    public static String base(DatasetGraph database) {
        BuildMetadata.Settings settings = Txn.calculateRead(database, () -> BuildMetadata.storedSettings(database));
        return settings == null ? IriMinter.DEFAULT_BASE : settings.base();
    }

    /** The same, for a store this process does not otherwise open (it is closed again). */
    public static String base(StoreLayout layout) {
        try {
            return base(TdbStore.connect(layout.database()));
        } finally {
            TdbStore.release(layout.database());
        }
    }
}
