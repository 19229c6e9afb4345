package org.newsgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.WebUrl;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.BuildReport;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.GraphStoreTarget;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.StoreTotals;
import org.newsgraph.store.TargetReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Converts news items and taxonomy files into RDF and loads them into the TDB2 store in DIR/tdb2.",
            "Run it again on the same PATHs to reload only changed files and drop vanished ones."},
        footer = {"", "Exit codes: 0 all files loaded; 1 usage or I/O error; 2 some files rejected (listed);"
                + " 4 the store is held by a running 'serve'; 5 --target did not take everything."})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Store folder (created if missing).")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriMinter.DEFAULT_BASE,
            description = "Base IRI of minted nodes (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--strict", description = "Stop at the first rejected file and leave the store exactly as it was.")
    boolean strict;

    @Option(names = "--full", description = "Rebuild the store from scratch instead of updating it.")
    boolean full;

    @Option(names = "--no-compact", negatable = false,
            description = "Do not compact the store after the build, however much of it is garbage"
                    + " (by default a build compacts when 25 %% or more is, and at least 1 MiB; see 'compact').")
    boolean noCompact;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar; a one-line summary.")
    boolean quiet;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--target", paramLabel = "URL",
            description = "Then send what changed to this Graph Store Protocol endpoint (PUT of each changed graph,"
                    + " DELETE of each vanished one); the store in DIR remembers what the remote was sent.")
    URI target;

    @Option(names = "--user", paramLabel = "NAME", description = "User name for --target (HTTP Basic).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password of --user.")
    Path passwordFile;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of the corpus (searched recursively).")
    List<Path> paths;

    @Override
    public Integer call() {
        WebUrl baseUrl = WebUrl.parse(base);
        if (baseUrl == null || baseUrl.repaired() || !(base.endsWith("/") || base.endsWith("#"))) {
            throw new UserException("--base must be an absolute IRI ending in '/' or '#', got '" + base + "'");
        }
        GraphStoreTarget remote = target();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = new BuildOptions(paths, base, full, strict, threads, Clock.systemUTC(), !noCompact);
        BuildReport report;
        try (ConsoleProgress progress = new ConsoleProgress(err, !quiet && System.console() != null, verbose.verbose)) {
            report = new CorpusLoader(new StoreLayout(store), options, progress).build(remote);
        }
        printSummary(out, report);
        out.flush();
        if (report.sent() != null && report.sent().failure() != null) {
            err.println("newsgraph: " + report.sent().failure() + " (the store is updated; what was not sent goes"
                    + " with the next build)");
            err.flush();
            return ExitCodes.NOT_SENT;
        }
        return report.rejected() > 0 || report.aborted() ? ExitCodes.REJECTED : ExitCodes.OK;
    }

    private GraphStoreTarget target() {
        if (target == null) {
            if (user != null || passwordFile != null) {
                throw new UserException("--user and --password-file are only used with --target URL");
            }
            return null;
        }
        if (!target.isAbsolute() || !List.of("http", "https").contains(target.getScheme()) || target.getHost() == null) {
            throw new UserException("--target must be an http or https URL, got '" + target + "'");
        }
        if ((user == null) != (passwordFile == null)) {
            throw new UserException("--user and --password-file go together");
        }
        String password = null;
        if (passwordFile != null) {
            try {
                password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new UserException("cannot read password file " + passwordFile + ": " + e.getMessage());
            }
        }
        return new GraphStoreTarget(target, user, password);
    }

    private void printSummary(PrintWriter out, BuildReport r) {
        double seconds = r.wallTime().toMillis() / 1000.0;
        if (r.aborted()) {
            out.printf("build aborted (--strict): %d file(s) rejected; store %s left unchanged (%.1f s)%n",
                    r.rejected(), store, seconds);
            return;
        }
        StoreTotals t = r.totals();
        if (quiet) {
            out.printf("%s build: %d files (%d loaded, %d unchanged, %d rejected, %d removed); %d items, %d triples;%s%s %.1f s%n",
                    r.mode(), r.filesSeen(), r.loaded(), r.unchanged(), r.rejected(), r.removed(), t.items(), t.triples(),
                    r.compaction() != null ? " compacted " + CompactCommand.change(r.compaction()) + ";"
                            : r.compactionFailure() != null ? " not compacted: " + r.compactionFailure() + ";" : "",
                    r.sent() != null ? " sent " + r.sent().writes() + " requests to " + r.sent().url() + ";" : "", seconds);
            return;
        }
        out.printf("%s build of %s in %.1f s%n", r.mode(), store, seconds);
        out.printf("  files     %d seen: %d loaded, %d unchanged, %d rejected, %d removed; %d other files ignored%n",
                r.filesSeen(), r.loaded(), r.unchanged(), r.rejected(), r.removed(), r.ignored());
        out.printf("  graph     %d items (%d known only from related lists), %d providers, %d topics, %d images,"
                + " %d related links, %d triples%n", t.items(), t.itemsOnlyRelated(), t.providers(), t.topics(), t.images(),
                t.relatedLinks(), t.triples());
        out.printf("  warnings  %s%n", counts(r.warningsByKind()));
        out.printf("  extras    %s%n", counts(r.extraFieldsByKey()));
        if (r.compaction() != null) {
            out.printf("  compacted %s%n", CompactCommand.change(r.compaction()));
        }
        TargetReport sent = r.sent();
        if (sent != null) {
            out.printf("  sent      %s: %d graphs put (%d triples), %d deleted, %d as sent before%s%n", sent.url(),
                    sent.put(), sent.triples(), sent.deleted(), sent.same(), sent.failure() != null ? "; stopped: "
                            + sent.failure() : "");
        }
        if (r.compactionFailure() != null) {
            out.printf("  compaction failed: %s (the build's changes are kept; run 'compact' later)%n", r.compactionFailure());
        }
        if (seconds > 0 && r.loaded() >= 100) {
            out.printf("  speed     %.0f files/s%n", r.loaded() / seconds);
        }
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return total + " (" + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }
}
