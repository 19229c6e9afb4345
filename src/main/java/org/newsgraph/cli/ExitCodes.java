package org.newsgraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.newsgraph.server.ServerException;
import org.newsgraph.store.StoreException;
import org.newsgraph.store.StoreInUseException;
import picocli.CommandLine;

/**
 * The exit codes, as README documents them. User errors print one line, never a stack trace
 * (unless {@code --verbose}).
 */
public final class ExitCodes {

    /** Everything done. */
    public static final int OK = 0;
    /** Usage error, I/O error, or an unusable store. */
    public static final int ERROR = 1;
    /** Some files were rejected (listed); the others were loaded. */
    public static final int REJECTED = 2;
    /** {@code validate}: the graph does not conform to the shapes. */
    public static final int NOT_CONFORMING = 3;
    /** A command that writes met a store another process (a running {@code serve}) holds. */
    public static final int IN_USE = 4;
    /** {@code build --target}: the store was updated, but the remote did not take all of it. */
    public static final int NOT_SENT = 5;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return ERROR;
    }

    static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean verbose = parseResult.subcommand() != null
                ? parseResult.subcommand().hasMatchedOption("--verbose") : parseResult.hasMatchedOption("--verbose");
        String message = message(e);
        cmd.getErr().println("newsgraph: " + message);
        if (verbose) {
            e.printStackTrace(cmd.getErr());
        }
        return e instanceof StoreInUseException ? IN_USE : ERROR;
    }

    static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("newsgraph: " + e.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ERROR;
    }

    /** The one-line message of an error; a fault of ours says so (its trace with --verbose). */
    private static String message(Exception e) {
        if (e instanceof StoreException || e instanceof UserException || e instanceof ServerException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return "I/O error: " + u.getCause().getMessage();
        }
        if (e instanceof IOException) {
            return "I/O error: " + e.getMessage();
        }
        return "internal error (please report): " + e;
    }
}
