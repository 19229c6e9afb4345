package org.newsgraph.cli;

import picocli.CommandLine.Command;

@Command(name = "newsgraph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns a corpus of news items into an RDF knowledge graph, stores it in TDB2 and serves it.",
        subcommands = {BuildCommand.class, QueryCommand.class, ServeCommand.class, ExportCommand.class, ValidateCommand.class, InfoCommand.class, CompactCommand.class, BackupCommand.class, RestoreCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done; 1 usage, I/O or store error; 2 some files rejected (build);"
                + " 3 graph does not conform (validate)."})
public final class NewsgraphCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Standard output as bytes, for commands that write RDF or result sets. */
    final java.io.PrintStream stdout;

    NewsgraphCommand(java.io.PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
