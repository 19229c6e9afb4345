package org.newsgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsgraph.store.Backups;
import org.newsgraph.store.StoreLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Loads a backup (N-Quads, gzipped or not) into a store folder that holds no store yet, or"
                + " replaces the store there with --force; the text index is rebuilt on the way.",
            "The new store replaces the old one only when complete: a malformed backup changes nothing."},
        footer = {"", "Exit codes: 0 restored; 1 usage or I/O error, a malformed backup (its line is told),"
                + " a store already there without --force, or the store is in use."})
public final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Store folder to restore into (created if missing).")
    Path store;

    @Option(names = "--force", description = "Replace the store already in DIR.")
    boolean force;

    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "FILE.nq.gz", description = "The backup to restore.")
    Path file;

    @Override
    public Integer call() {
        long quads = Backups.restore(new StoreLayout(store), file, force);
        spec.commandLine().getOut().printf("restored %s: %d quads from %s%n", store, quads, file);
        return ExitCodes.OK;
    }
}
