package org.newsgraph.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} of every command, declared once. {@link Main} reads it from the arguments
 * before anything logs (slf4j-simple takes its level once); commands ask it for more output.
 */
final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "Log detail (and print every warning, and the trace of an error).")
    boolean verbose;
}
