package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.newsgraph.mapping.FileMapper;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.SharedDescription;
import org.newsgraph.source.CorpusScanner;
import org.newsgraph.source.Problem;
import org.newsgraph.source.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds or updates a store from source roots: finds the files, reads and maps them on all cores
 * while this thread hands each result to a {@link BuildDestination} (which graphs to replace,
 * which to drop), and reports. An incremental build does not read the files the
 * {@link FileIndex} vouches for. What the destination does with the changes, and how it resolves
 * and describes the result, is its own business ({@link Destinations}).
 */
public final class CorpusLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusLoader.class);

    private final StoreLayout layout;
    private final BuildOptions options;
    private final BuildListener listener;
    private final IriMinter iris;
    private final Phases phases;

    private final Map<String, Long> warnings = new TreeMap<>();
    private final Map<String, Long> extras = new TreeMap<>();
    private final List<String> rejections = new ArrayList<>();
    /** What the scan could not read: rejected, and what the store holds of it is kept. */
    private List<CorpusScanner.Unread> unread = List.of();
    private long loaded;
    private long unchanged;
    private long removed;
    private long notSource;
    private long ignored;
    private long filesFound;
    /** When this build began looking at files (ns since the epoch), for the file index's racy check. */
    private long startedNanos;
    private Instant started;
    /** The file index of the store this build leaves: what the store holds of each file graph. */
    private final Map<Node, FileIndex.Entry> index = new HashMap<>();

    public CorpusLoader(StoreLayout layout, BuildOptions options, BuildListener listener) {
        this.layout = layout;
        this.options = options;
        this.listener = listener;
        this.iris = new IriMinter(options.base());
        this.phases = new Phases(listener, LOG);
    }

    /** Builds or updates the store at the layout: incrementally if it can, else in full. */
    public BuildReport build() {
        return build(null);
    }

    /**
     * The same, then sends what changed to {@code target} with the Graph Store Protocol (if not
     * null). The store is the copy the remote is fed from: it knows what the remote holds.
     */
    public BuildReport build(GraphStoreTarget target) {
        begin();
        List<CorpusScanner.Root> roots = roots();
        List<SourceFile> files = scan(roots);
        try {
            Files.createDirectories(layout.dir());
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("cannot create store folder " + layout.dir() + ": a file of that name exists");
        } catch (IOException e) {
            throw new StoreException("cannot create store folder " + layout.dir() + ": " + e);
        }
        TdbStore.checkNotHeld(layout);
        layout.recover();
        BuildDestination local = Destinations.local(layout, options, iris, rootNames(roots), phases);
        try (BuildDestination destination = target == null ? local
                : new GraphStoreDestination(local, layout, target, phases)) {
            return apply(destination, files, roots);
        }
    }

    /**
     * Updates the store a running server has open ({@code serve --watch}), with its text index:
     * one write transaction, so its readers see the store before or after, never between.
     */
    public BuildReport update(DatasetGraph served) {
        begin();
        List<CorpusScanner.Root> roots = roots();
        List<SourceFile> files = scan(roots);
        try (BuildDestination destination = Destinations.served(layout, served, iris, rootNames(roots), phases)) {
            return apply(destination, files, roots);
        }
    }

    private void begin() {
        started = Instant.now();
        startedNanos = TimeUnit.SECONDS.toNanos(started.getEpochSecond()) + started.getNano();
    }

    private List<SourceFile> scan(List<CorpusScanner.Root> roots) {
        CorpusScanner scanner = new CorpusScanner();
        List<SourceFile> files = new ArrayList<>();
        long scanStart = System.nanoTime();
        for (CorpusScanner.Root root : roots) {
            scanner.scan(root, files::add);
        }
        ignored = scanner.ignored();
        unread = scanner.unread();
        for (CorpusScanner.Unread u : unread) {
            rejections.add(u.line());
            listener.rejected(u.line());
        }
        filesFound = files.size();
        LOG.info("finding {} files: {} ms", files.size(), (System.nanoTime() - scanStart) / 1_000_000);
        return files;
    }

    /** The change set of this build, file by file, applied to {@code destination}. */
    private BuildReport apply(BuildDestination destination, List<SourceFile> files, List<CorpusScanner.Root> roots) {
        Instant loadTime = now();
        FileReader reader = new FileReader(new FileMapper(iris), loadTime);
        Map<Node, FileIndex.Entry> known = destination.known();
        index.putAll(known);
        boolean bulk = destination.kind().equals("full");
        listener.planned(files.size(), bulk);
        destination.start();
        BuildDestination.Outcome outcome;
        try {
            Set<Node> seen = new HashSet<>();
            long readStart = System.nanoTime();
            boolean ok = readAll(files, reader, new ResultHandler() {
                @Override
                public void seen(Node graph) {
                    seen.add(graph);
                }

                @Override
                public void loaded(FileResult.Loaded result) {
                    destination.replace(result.mapped());
                }

                @Override
                public void notSource(Node graph) {
                    if (known.containsKey(graph)) {
                        destination.drop(graph);
                        removed++;
                    }
                }
            });
            if (!ok) {
                destination.abort(new IllegalStateException("aborted by --strict"));
                return report(destination.kind(), null);
            }
            LOG.info("reading {} files and handing {} on: {} ms", files.size(), loaded,
                    (System.nanoTime() - readStart) / 1_000_000);
            long dropStart = System.nanoTime();
            long removedWhileReading = removed;
            for (Node g : known.keySet()) {
                StoredSource s = seen.contains(g) ? null : destination.source(g);
                if (s != null && inScope(s, roots) && unread.stream().noneMatch(u -> u.covers(s.root(), s.path()))) {
                    destination.drop(g);
                    index.remove(g);
                    removed++;
                }
            }
            LOG.info("dropping the graphs of {} deleted files: {} ms", removed - removedWhileReading,
                    (System.nanoTime() - dropStart) / 1_000_000);
            outcome = destination.finish(() -> run(destination.kind(), loadTime), index, startedNanos);
        } catch (RuntimeException e) {
            destination.abort(e);
            throw e;
        }
        return report(destination.kind(), outcome);
    }

    private BuildReport report(String mode, BuildDestination.Outcome outcome) {
        return new BuildReport(mode, outcome == null, filesFound, loaded,
                unchanged, rejections.size(), removed, ignored + notSource, List.copyOf(rejections),
                new LinkedHashMap<>(warnings), new LinkedHashMap<>(extras), outcome == null ? null : outcome.totals(),
                outcome == null ? null : outcome.compaction(), outcome == null ? null : outcome.compactionFailure(),
                outcome == null ? null : outcome.sent(), Duration.between(started, Instant.now()));
    }

    private List<CorpusScanner.Root> roots() {
        List<CorpusScanner.Root> roots = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path p : options.roots()) {
            if (!Files.exists(p)) {
                throw new StoreException("no such file or folder: " + p);
            }
            CorpusScanner.Root root = CorpusScanner.Root.of(p);
            Path other = names.put(root.name(), p);
            if (other != null && !root.isFile()) {
                throw new StoreException("two source roots have the same folder name '" + root.name() + "': " + other
                        + " and " + p + " (graph names are made from it; rename one)");
            }
            roots.add(root);
        }
        return roots;
    }

    /** The record of this build, ending now. */
    private BuildRecord run(String kind, Instant started) {
        return new BuildRecord(kind, started, now(), loaded, unchanged, removed, rejections.size());
    }

    /** The clock's time in whole seconds: provenance times are for people, not nanosecond timers. */
    private Instant now() {
        return options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** True if the stored file lies under a root of this run, so its absence means it was deleted. */
    private static boolean inScope(StoredSource s, List<CorpusScanner.Root> roots) {
        for (CorpusScanner.Root root : roots) {
            if (root.name().equals(s.root()) && root.covers(s.path())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> rootNames(List<CorpusScanner.Root> roots) {
        return roots.stream().map(CorpusScanner.Root::name).distinct().toList();
    }

    // ---- the parallel read

    /** What the writer does with each file's result, on the writing thread, in file order. */
    private interface ResultHandler {
        void loaded(FileResult.Loaded result);

        /** Every file's graph, whatever became of the file. */
        default void seen(Node graph) {
        }

        /** A Markdown file without front matter: not (or no longer) a news item. */
        default void notSource(Node graph) {
        }
    }

    /**
     * Reads {@code files} on {@code options.threads()} threads, handing results to {@code handler}
     * on this thread in file order, with a bounded number in flight so memory stays flat. Returns
     * false if {@code --strict} met a rejected file.
     */
    private boolean readAll(List<SourceFile> files, FileReader reader, ResultHandler handler) {
        record Pending(Node graph, Future<FileResult> result) {
        }
        if (options.strict() && !rejections.isEmpty()) {
            return false;
        }
        int threads = Math.max(1, options.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsgraph-reader");
            t.setDaemon(true);
            return t;
        });
        Deque<Pending> inFlight = new ArrayDeque<>();
        int next = 0;
        int window = threads * 64;
        try {
            Node[] graphs = new Node[files.size()];
            BitSet vouched = graphsOf(files, pool, graphs);
            // Files the index vouches for first: left in the queue, they held back the writer,
            // which waited for their turn with the readers idle behind a full window.
            List<Integer> toRead = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (vouched.get(i)) {
                    handler.seen(graphs[i]);
                    unchanged++;
                    listener.fileDone();
                } else {
                    toRead.add(i);
                }
            }
            while (next < toRead.size() || !inFlight.isEmpty()) {
                while (next < toRead.size() && inFlight.size() < window) {
                    int i = toRead.get(next++);
                    SourceFile file = files.get(i);
                    Node graph = graphs[i];
                    FileIndex.Entry known = index.get(graph);
                    inFlight.add(new Pending(graph, pool.submit(() -> reader.read(file, known))));
                }
                Pending pending = inFlight.removeFirst();
                FileResult result = pending.result().get();
                handler.seen(pending.graph());
                if (result instanceof FileResult.Loaded l) {
                    index.put(pending.graph(), l.entry());
                    handler.loaded(l);
                    loaded++;
                    count(l.mapped().problems(), l.file());
                    l.mapped().extraKeys().forEach(k -> extras.merge(k, 1L, Long::sum));
                } else if (result instanceof FileResult.Unchanged u) {
                    index.put(pending.graph(), u.entry());
                    unchanged++;
                } else if (result instanceof FileResult.Rejected r) {
                    // The store keeps the graph it had: read the file again next time.
                    index.computeIfPresent(pending.graph(), (g, e) -> new FileIndex.Entry(e.hash(), null));
                    rejections.add(r.line());
                    listener.rejected(r.line());
                    if (options.strict()) {
                        return false;
                    }
                } else {
                    notSource++;
                    handler.notSource(pending.graph());
                    index.remove(pending.graph());
                }
                listener.fileDone();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Names the graph of each file into {@code graphs}, on the reading threads, and returns the
     * files whose size, time and key are as the file index recorded: unchanged, without reading.
     */
    private BitSet graphsOf(List<SourceFile> files, ExecutorService pool, Node[] graphs)
            throws InterruptedException, ExecutionException {
        BitSet vouched = new BitSet(files.size());
        List<Future<BitSet>> parts = new ArrayList<>();
        int part = 4_096;
        for (int start = 0; start < files.size(); start += part) {
            int from = start;
            int to = Math.min(files.size(), start + part);
            parts.add(pool.submit(() -> {
                BitSet same = new BitSet();
                for (int i = from; i < to; i++) {
                    SourceFile file = files.get(i);
                    graphs[i] = iris.graph(file.root(), file.relativePath());
                    FileIndex.Entry known = index.get(graphs[i]);
                    same.set(i, known != null && known.sameFile(FileIndex.Stamp.of(file.path())));
                }
                return same;
            }));
        }
        // Future.get orders the workers' writes to graphs before the reads that follow.
        for (Future<BitSet> f : parts) {
            vouched.or(f.get());
        }
        return vouched;
    }

    private void count(List<Problem> problems, SourceFile file) {
        for (Problem p : problems) {
            warnings.merge(p.kind(), 1L, Long::sum);
            listener.warning(p.format(file.displayPath()));
        }
    }
}
