package org.newsgraph.cli;

import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of {@code java -jar newsgraph.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
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
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new NewsgraphCommand());
        cmd.setExitCodeExceptionMapper(ExitCodes::forException);
        cmd.setExecutionExceptionHandler(ExitCodes::handle);
        cmd.setParameterExceptionHandler(ExitCodes::handleUsage);
        return cmd;
    }
}
