package org.newsgraph.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.IriMinter;

/** Facts about a built store that the commands reading it need. */
public final class StoreInfo {

    private StoreInfo() {
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
