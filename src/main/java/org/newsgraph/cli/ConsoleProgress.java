package org.newsgraph.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.newsgraph.store.BuildListener;

/**
 * Shows a build on the terminal: a progress bar (files, files/s, ETA) when stderr is a
 * terminal, rejected files always, warnings with {@code --verbose}.
 */
final class ConsoleProgress implements BuildListener, AutoCloseable {

    private final PrintWriter err;
    private final boolean bar;
    private final boolean verbose;
    private ProgressBar progress;

    ConsoleProgress(PrintWriter err, boolean bar, boolean verbose) {
        this.err = err;
        this.bar = bar;
        this.verbose = verbose;
    }

    @Override
    public void planned(long files, boolean bulk) {
        if (bar) {
            progress = bar(bulk ? "Loading" : "Updating").setInitialMax(files).setUnit(" files", 1).showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS).build();
        }
    }

    private static ProgressBarBuilder bar(String task) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .clearDisplayOnFinish();
    }

    @Override
    public void fileDone() {
        if (progress != null) {
            progress.step();
        }
    }

    @Override
    public void rejected(String line) {
        println(line);
    }

    @Override
    public void warning(String line) {
        if (verbose) {
            println(line);
        }
    }

    /** Each phase after the files gets a bar of its own, of unknown length, showing its elapsed time. */
    @Override
    public void phase(String name) {
        if (progress != null) {
            progress.close();
            progress = bar(Character.toUpperCase(name.charAt(0)) + name.substring(1)).setInitialMax(-1).hideEta().build();
        }
    }

    private void println(String line) {
        if (progress != null) {
            // Keep the bar on its own line: end it, print, and the next step redraws it.
            System.err.print("\r\033[K");
        }
        err.println(line);
        err.flush();
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.close();
        }
    }
}
