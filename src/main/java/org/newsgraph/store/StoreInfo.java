package org.newsgraph.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/** Facts about a built store that other commands need without opening it for long. */
public final class StoreInfo {

    private StoreInfo() {
    }

    /** The base IRI the store was built with, or null if it has no build record. */
    public static String base(StoreLayout layout) {
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            String[] settings = Txn.calculateRead(dsg, () -> BuildMetadata.storedSettings(dsg));
            return settings == null ? null : settings[0];
        } finally {
            TdbStore.release(layout.database());
        }
    }
}
