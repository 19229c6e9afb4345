package org.newsgraph.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of {@code java -jar newsgraph.jar}. */
public final class Main {

    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger CAFFEINE = java.util.logging.Logger.getLogger("com.github.benmanes.caffeine");

    private Main() {
    }

    private static final Thread mainThread = Thread.currentThread();
    /** An Error is reported once, by whichever thread meets it first (workers and main may meet the same one). */
    private static final java.util.concurrent.atomic.AtomicBoolean errorReported = new java.util.concurrent.atomic.AtomicBoolean();

    public static void main(String[] args) {
        java.util.Optional<Integer> served = ServeHeap.runInChild(args);
        if (served.isPresent()) {
            System.exit(served.get());
        }
        ServeHeap.followLauncher();
        // A worker thread that dies of an Error (TDB2's loader threads, on a full disk or out of
        // memory) would leave the main thread waiting for it forever: report it and stop.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof Error error && thread != mainThread) {
                // Several workers may die of the same cause: one line.
                if (errorReported.compareAndSet(false, true)) {
                    System.err.println("newsgraph: " + ExitCodes.message(error));
                    System.err.flush();
                    System.exit(ExitCodes.ERROR);
                }
                return;
            }
            e.printStackTrace();
        });
        // slf4j-simple reads its level once, when the first logger is made: set it before anything logs.
        boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("--verbose") || a.equals("-v"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.jena", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", verbose ? "info" : "warn");
        // jena-text logs a failed write as an error and throws it on, which the command reports in one line.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.jena.query.text.TextIndexLucene", verbose ? "info" : "off");
        // Caffeine (TDB2's node cache) logs through java.util.logging, with a stack trace, a fault it
        // meets in its upkeep, such as a full disk under a memory-mapped file; the command meets the
        // same fault and reports it in one line.
        CAFFEINE.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.OFF);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** Runs a command line writing to the given streams (tests use this). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cmd = commandLine(out);
        cmd.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code;
        errorReported.set(false);
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError | InternalError e) {
            // What was being written is removed (AtomicFile) or rolled back (TDB2) on the way out.
            if (e instanceof InternalError internal && !ExitCodes.isMappedFileFault(internal)) {
                throw e;
            }
            if (errorReported.compareAndSet(false, true)) {
                cmd.getErr().println("newsgraph: " + ExitCodes.message(e));
            }
            code = ExitCodes.ERROR;
        }
        cmd.getOut().flush();
        cmd.getErr().flush();
        return code;
    }

    static CommandLine commandLine(PrintStream out) {
        CommandLine cmd = new CommandLine(new NewsgraphCommand(out));
        cmd.setExitCodeExceptionMapper(ExitCodes::forException);
        cmd.setExecutionExceptionHandler(ExitCodes::handle);
        cmd.setParameterExceptionHandler(ExitCodes::handleUsage);
        return cmd;
    }
}
