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
            // Files.isDirectory says false for a folder this user may not look into, too.
            for (java.nio.file.Path p = layout.database(); p != null; p = p.getParent()) {
                if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isExecutable(p)) {
                    throw new UserException("cannot read store " + store + ": permission denied (" + p + ")");
                }
            }
            throw new UserException("no store at " + store + " (run 'build --store " + store + " PATH' first)");
        }
        return layout;
    }
}
