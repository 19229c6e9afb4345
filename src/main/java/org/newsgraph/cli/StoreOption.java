package org.newsgraph.cli;

import java.nio.file.Path;
import org.newsgraph.store.StoreLayout;
import picocli.CommandLine.Option;

/** The {@code --store DIR} of the commands that use a built store. */
final class StoreOption {

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Store folder made by build.")
    Path store;

    /** The store's layout; a user error if nothing was built there. */
    StoreLayout existing() {
        StoreLayout layout = new StoreLayout(store);
        if (!layout.exists()) {
            throw new UserException("no store at " + store + " (run 'build --store " + store + " PATH' first)");
        }
        return layout;
    }
}
