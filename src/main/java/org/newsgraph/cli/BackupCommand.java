package org.newsgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsgraph.server.RemoteBackup;
import org.newsgraph.store.Backups;
import org.newsgraph.store.ServerRecord;
import org.newsgraph.store.StoreLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes every quad of every graph of the store to FILE as gzipped N-Quads, in one read"
                + " transaction: a consistent copy that 'restore' loads back.",
            "While 'serve' holds the store, the copy comes through that server (its Graph Store endpoint, also one"
                + " read transaction).",
            "The file appears complete or not at all (it is written beside FILE and renamed when done)."},
        footer = {"", "Exit codes: 0 written; 1 usage or I/O error, no store, or the store is in use by a process that is"
                + " not a newsgraph server (or its server does not answer)."})
public final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--out", required = true, paramLabel = "FILE.nq.gz", description = "The backup file (replaced if it exists).")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        StoreLayout layout = storeOption.existing();
        ServerRecord server = ServerRecord.of(layout);
        if (server != null) {
            long quads = RemoteBackup.backup(server.url(), out);
            spec.commandLine().getOut().printf("backed up %s through the server at %s (process %d): %d quads to %s%n",
                    storeOption.store, server.url(), server.pid(), quads, out);
            return ExitCodes.OK;
        }
        long quads = Backups.backup(layout, out);
        spec.commandLine().getOut().printf("backed up %s: %d quads to %s%n", storeOption.store, quads, out);
        return ExitCodes.OK;
    }
}
