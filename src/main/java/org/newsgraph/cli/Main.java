package org.newsgraph.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of {@code java -jar newsgraph.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        java.util.Optional<Integer> served = ServeHeap.runInChild(args);
        if (served.isPresent()) {
            System.exit(served.get());
        }
        ServeHeap.followLauncher();
        // slf4j-simple reads its level once, when the first logger is made: set it before anything logs.
        boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("--verbose") || a.equals("-v"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.jena", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", verbose ? "info" : "warn");
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
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // What was being written is removed (AtomicFile) or rolled back (TDB2) on the way out.
            cmd.getErr().printf("newsgraph: out of memory: the Java heap (%d MiB) is too small for this; run java with"
                    + " a larger -Xmx%n", Runtime.getRuntime().maxMemory() >> 20);
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
