package org.newsgraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.StorageException;
import org.apache.jena.dboe.base.buffer.BufferException;
import org.apache.jena.tdb2.TDBException;
import org.newsgraph.server.ServerException;
import org.newsgraph.source.SourceException;
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
        // Jena and Lucene wrap I/O errors in their own exceptions: the I/O error is what to report.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                if (isDiskFull(io)) {
                    return "the disk is full (" + io.getMessage() + "): " + AGAIN;
                }
                // For most faults NIO's message is only the path.
                return "I/O error: " + (io instanceof FileSystemException f && f.getFile() != null
                        ? f.getFile() + ": " + SourceException.describe(io) : io.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DBOpEnvException || t instanceof StorageException || t instanceof BufferException
                    || t instanceof TDBException) {
                return "the store cannot be read, it is damaged (" + t.getMessage() + "): restore a backup with 'restore',"
                        + " or build it again with 'build --full'";
            }
        }
        return "internal error (please report): " + e;
    }

    private static final String AGAIN = "free some space and run the command again (what it was writing was not committed)";

    /** A fault of a memory-mapped file: a write the disk had no room for, or a read past a truncated file. */
    static final String MAPPED_FAULT = "the disk is full, or a store file is truncated: a memory-mapped file could not be"
            + " written or read; " + AGAIN;

    private static boolean isDiskFull(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left on device") || m.contains("Disk quota exceeded");
    }

    /**
     * TDB2 reads and writes through memory-mapped files: a write the disk cannot take (full), or a
     * read past a truncated file, is a fault of the mapped memory, which the JVM raises as an
     * {@link InternalError}, from anywhere.
     */
    static boolean isMappedFileFault(InternalError e) {
        return String.valueOf(e.getMessage()).contains("unsafe memory access");
    }

    /** The one-line message of an Error a user can cause (too small a heap, a full disk); others say what they are. */
    static String message(Error e) {
        if (e instanceof OutOfMemoryError) {
            return String.format("out of memory: the Java heap (%d MiB) is too small for this; run java with a larger -Xmx",
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        if (e instanceof InternalError internal && isMappedFileFault(internal)) {
            return MAPPED_FAULT;
        }
        return "internal error (please report): " + e;
    }
}
