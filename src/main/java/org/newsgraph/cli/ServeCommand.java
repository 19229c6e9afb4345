package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsgraph.server.CorpusWatcher;
import org.newsgraph.server.NewsServer;
import org.newsgraph.server.ServerOptions;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.Compactor;
import org.newsgraph.store.FileIndex;
import org.newsgraph.store.SentGraphs;
import org.newsgraph.store.ServerRecord;
import org.newsgraph.store.StoreInfo;
import org.newsgraph.store.StoreLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the store over SPARQL with Fuseki: a home page at /, search at /search, the query UI"
                + " at /ui/, dataset at /news, sample queries at /queries, and a page for every node IRI under the base.",
            "Read-only and bound to 127.0.0.1 unless told otherwise."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--port", defaultValue = "3030", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--base", paramLabel = "IRI", description = "Base IRI of the nodes to dereference (default: the one the store was built with).")
    String base;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Query timeout (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--update", description = "Accept SPARQL Update (/news/update) and Graph Store writes (/news/data), with basic auth.")
    boolean update;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Users allowed to update, one 'user: password' a line.")
    Path passwordFile;

    @Option(names = "--allow-service", description = "Allow SPARQL SERVICE calls to other endpoints (off by default).")
    boolean allowService;

    @Option(names = "--allow-load", description = "Allow SPARQL Update LOAD (off by default).")
    boolean allowLoad;

    @Option(names = "--config", paramLabel = "FILE", description = "Fuseki configuration (default: fuseki-config/config.ttl, or the built-in copy).")
    Path config;

    @Option(names = "--max-body", defaultValue = "16", paramLabel = "MiB", description = "Largest request body accepted (default: ${DEFAULT-VALUE} MiB).")
    int maxBodyMiB;

    @Option(names = "--max-result", defaultValue = "256", paramLabel = "MiB",
            description = "Largest query result sent (default: ${DEFAULT-VALUE} MiB): a result is complete before it is sent.")
    int maxResultMiB;

    @Option(names = "--watch", arity = "1..*", paramLabel = "PATH",
            description = "Keep the store current with these corpus files and folders (the PATHs it was built from):"
                    + " changes are loaded as they happen, each batch in one transaction.")
    List<Path> watch;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        StoreLayout layout = storeOption.existing();
        if (update && passwordFile == null) {
            throw new UserException("--update needs --password-file FILE (lines of 'user: password')");
        }
        if (passwordFile != null && !update) {
            throw new UserException("--password-file is only used with --update");
        }
        if (passwordFile != null && !Files.isReadable(passwordFile)) {
            throw new UserException("cannot read password file " + passwordFile);
        }
        if (watch != null && update) {
            throw new UserException("--watch and --update both write to the store: choose one");
        }
        if (timeout <= 0) {
            throw new UserException("--timeout must be a positive number of seconds");
        }
        if (maxBodyMiB <= 0 || maxResultMiB <= 0) {
            throw new UserException("--max-body and --max-result must be a positive number of MiB");
        }
        if (update || config != null) {
            // What the server writes is not in the file index, which would then tell the next build wrong.
            FileIndex.invalidate(layout);
            SentGraphs.invalidateAll(layout);
        }
        Compactor.Result compacted = watch != null ? compactIfWorth(layout) : null;
        String storedBase = StoreInfo.base(layout);
        String iriBase = base != null ? base : storedBase;
        ServerOptions options = new ServerOptions(storeOption.store, host, port, iriBase, timeout, passwordFile, allowService,
                allowLoad, config, maxBodyMiB * 1024L * 1024L, maxResultMiB * 1024L * 1024L);
        try (NewsServer server = NewsServer.start(options)) {
            String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
            // Where backup and info reach the store while this process holds it.
            ServerRecord.write(layout, "http://" + localHost() + ":" + server.port() + "/");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ServerRecord.delete(layout)));
            var out = spec.commandLine().getOut();
            out.printf("Serving %s at %s/%n", storeOption.store, url);
            out.printf("  home       %s/%n", url);
            out.printf("  query UI   %s/ui/%n", url);
            out.printf("  SPARQL     %s/news/sparql%s%n", url, update ? "   (update: " + url + "/news/update)" : "");
            out.printf("  samples    %s/queries%n", url);
            String nodes = url + java.net.URI.create(iriBase).getRawPath();
            out.printf("  nodes      %s*%s%n", nodes, nodes.equals(iriBase) ? "" : "   (IRIs " + iriBase + "*)");
            out.printf("  heap       %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
            if (compacted != null) {
                out.printf("  compacted  %s%n", CompactCommand.change(compacted));
            }
            try (CorpusWatcher watcher = watch == null ? null : watcher(layout, storedBase, server, out)) {
                if (watcher != null) {
                    out.printf("  watching   %s%n", watch.stream().map(Path::toString).collect(Collectors.joining(" ")));
                }
                out.println("Press Ctrl-C to stop.");
                out.flush();
                if (watcher != null) {
                    watcher.start();
                }
                server.join();
            }
        } finally {
            ServerRecord.delete(layout);
        }
        return ExitCodes.OK;
    }

    /**
     * A served store is updated but not compacted (see {@code Destinations.served}): what its
     * updates leave is won back here, before the server has readers.
     */
    private static Compactor.Result compactIfWorth(StoreLayout layout) {
        return Compactor.worthCompacting(Compactor.measure(layout)) ? Compactor.compact(layout) : null;
    }

    /** Builds from the watched PATHs with the store's own base, into the dataset the server has open. */
    private CorpusWatcher watcher(StoreLayout layout, String storedBase, NewsServer server, PrintWriter out) {
        BuildOptions options = new BuildOptions(watch, storedBase, false, false,
                Runtime.getRuntime().availableProcessors(), Clock.systemUTC());
        return new CorpusWatcher(layout, options, server::dataset, line -> {
            synchronized (out) {
                out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
                out.flush();
            }
        });
    }

    /** The address this machine reaches the server at: the host it listens on, or loopback for any address. */
    private String localHost() {
        return switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
    }
}
