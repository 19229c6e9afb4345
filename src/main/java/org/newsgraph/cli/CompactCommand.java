package org.newsgraph.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsgraph.store.Compactor;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.StoreSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Rewrites the store's database without the space earlier updates left behind (TDB2 never"
                + " reuses it), and prints the sizes before and after.",
            "Builds do this themselves when 25 %% or more of the database (and at least 1 MiB) is garbage, unless --no-compact."},
        footer = {"", "Exit codes: 0 compacted; 1 usage or I/O error, no store, or the store is in use."})
public final class CompactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        StoreLayout layout = storeOption.existing();
        Compactor.Result result = Compactor.compact(layout);
        spec.commandLine().getOut().printf("compacted %s: %s%n", storeOption.store, change(result));
        return ExitCodes.OK;
    }

    /** "database 46.7 MB (72 % garbage) -> 12.1 MB; store 47.3 MB -> 12.7 MB; 1.6 s". */
    static String change(Compactor.Result r) {
        StoreSpace b = r.before();
        StoreSpace a = r.after();
        return String.format(Locale.ROOT, "database %s (%.0f %% garbage) -> %s; store %s -> %s; %.1f s",
                Sizes.format(b.databaseBytes()), 100 * b.garbageShare(), Sizes.format(a.databaseBytes()),
                Sizes.format(b.totalBytes()), Sizes.format(a.totalBytes()), r.time().toMillis() / 1000.0);
    }
}
