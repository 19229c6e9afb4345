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
 * Builds or updates a store from source roots. Files are read and mapped on all cores while this
 * thread writes: into a fresh database through the TDB2 bulk loader (first build, {@code --full},
 * or a store built with other settings), or else in one write transaction that replaces the
 * graphs of changed files and drops those of vanished files, adds the shared descriptions that are
 * new and deletes those nothing refers to any more ({@link SharedGraph}). Items, providers and
 * topics are resolved as the files stream to the bulk loader ({@link StreamedResolution}), or
 * after the changes of an incremental build ({@link Resolver}); then the build graph and the VoID
 * description are rewritten. Headlines and descriptions reach the text index on the way. An
 * incremental build does not read the files the {@link FileIndex} vouches for.
 */
public final class CorpusLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusLoader.class);

    private final StoreLayout layout;
    private final BuildOptions options;
    private final BuildListener listener;
    private final IriMinter iris;

    private final Map<String, Long> warnings = new TreeMap<>();
    private final Map<String, Long> extras = new TreeMap<>();
    private final List<String> rejections = new ArrayList<>();
    private long loaded;
    private long unchanged;
    private long removed;
    private long notSource;
    /** When this build began looking at files (ns since the epoch), for the file index's racy check. */
    private long startedNanos;
    /** The file index of the store this build leaves: what the store holds of each file graph. */
    private final Map<Node, FileIndex.Entry> index = new HashMap<>();
    /** The compaction that followed the build, or why it failed. */
    private Compactor.Result compaction;
    private String compactionFailure;

    public CorpusLoader(StoreLayout layout, BuildOptions options, BuildListener listener) {
        this.layout = layout;
        this.options = options;
        this.listener = listener;
        this.iris = new IriMinter(options.base());
    }

    public BuildReport build() {
        Instant started = Instant.now();
        startedNanos = TimeUnit.SECONDS.toNanos(started.getEpochSecond()) + started.getNano();
        Instant loadTime = now();
        List<CorpusScanner.Root> roots = roots();
        CorpusScanner scanner = new CorpusScanner();
        List<SourceFile> files = new ArrayList<>();
        long scanStart = System.nanoTime();
        for (CorpusScanner.Root root : roots) {
            scanner.scan(root, files::add);
        }
        LOG.info("finding {} files: {} ms", files.size(), (System.nanoTime() - scanStart) / 1_000_000);
        try {
            Files.createDirectories(layout.dir());
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("cannot create store folder " + layout.dir() + ": a file of that name exists");
        } catch (IOException e) {
            throw new StoreException("cannot create store folder " + layout.dir() + ": " + e);
        }
        TdbStore.checkNotHeld(layout);
        layout.recover();
        FileReader reader = new FileReader(new FileMapper(iris), loadTime);
        StoreTotals totals = null;
        boolean bulk = true;
        if (!options.full() && layout.exists()) {
            // One connection for the whole incremental build: opening a store is not free.
            long openStart = System.nanoTime();
            try (NewsStore store = NewsStore.open(layout)) {
                if (sameSettings(store.database())) {
                    LOG.info("opening the store: {} ms", (System.nanoTime() - openStart) / 1_000_000);
                    bulk = false;
                    listener.planned(files.size(), false);
                    if (incrementalBuild(store.dataset(), store.database(), files, reader, roots, loadTime)) {
                        long totalsStart = System.nanoTime();
                        totals = Txn.calculateRead(store.database(), () -> StoreStatistics.totals(store.database(), iris));
                        LOG.info("counting the totals: {} ms", (System.nanoTime() - totalsStart) / 1_000_000);
                        if (options.compact() && (loaded > 0 || removed > 0)) {
                            compactIfWorth(store.database());
                        }
                    }
                }
            }
        }
        if (bulk) {
            listener.planned(files.size(), true);
            totals = bulkBuild(files, reader, roots, loadTime);
        }
        return new BuildReport(bulk ? "full" : "incremental", totals == null, files.size(), loaded, unchanged,
                rejections.size(), removed, scanner.ignored() + notSource, List.copyOf(rejections),
                new LinkedHashMap<>(warnings), new LinkedHashMap<>(extras), totals, compaction, compactionFailure,
                Duration.between(started, Instant.now()));
    }

    /** Compacts the open database when enough of it is garbage; a failure is reported, not thrown. */
    private void compactIfWorth(DatasetGraph database) {
        StoreSpace space = Txn.calculateRead(database, () -> StoreSpace.measure(database, layout));
        LOG.info("garbage: {} of {} bytes ({} %)", space.garbageBytes(), space.databaseBytes(),
                Math.round(100 * space.garbageShare()));
        if (Compactor.worthCompacting(space)) {
            listener.phase("compacting");
            try {
                compaction = Compactor.compact(database, layout);
            } catch (RuntimeException e) {
                // The build is committed and the store as it left it; only the space is not won back.
                compactionFailure = e instanceof UncheckedIOException u ? u.getCause().toString() : e.getMessage();
                LOG.info("compacting failed", e);
            }
        }
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

    /** True if the store was built with this base and mapping version (else it is rebuilt in full). */
    private boolean sameSettings(DatasetGraph database) {
        BuildMetadata.Settings settings = Txn.calculateRead(database, () -> BuildMetadata.storedSettings(database));
        if (settings == null) {
            return false;
        }
        boolean same = settings.base().equals(iris.base()) && settings.mappingVersion().equals(FileMapper.MAPPING_VERSION);
        if (!same) {
            LOG.info("Store was built with base {} and mapping version {}: rebuilding in full", settings.base(),
                    settings.mappingVersion());
        }
        return same;
    }

    // ---- full build: bulk load into a fresh database, then swap it in

    /** Returns the totals of the new store, or null if {@code --strict} stopped the build. */
    private StoreTotals bulkBuild(List<SourceFile> files, FileReader reader, List<CorpusScanner.Root> roots,
            Instant loadTime) {
        StoreLayout staging = layout.staging();
        layout.discardStaging();
        NewsStore store = NewsStore.open(staging);
        DatasetGraph dsg = store.database();
        DataLoader loader = LoaderFactory.phasedLoader(dsg,
                (format, args) -> LOG.debug(String.format(format, args)));
        // Text goes to the index as it goes to the loader; later changes through the store's text dataset.
        StreamRDF out = TextIndexes.indexing(loader.stream(), store.textIndex());
        boolean ok;
        Instant loadStart = Instant.now();
        StreamedResolution resolution = new StreamedResolution(iris, staging.dir().resolve("resolution.spill"));
        try (resolution) {
            loader.startBulk();
            BuildMetadata.writeOntology(out);
            Node shared = iris.sharedGraph();
            // A description many files give goes to the loader once.
            Set<Node> written = new HashSet<>();
            ok = readAll(files, reader, new ResultHandler() {
                @Override
                public void loaded(FileResult.Loaded result) {
                    result.mapped().quads().forEach(out::quad);
                    List<SharedDescription> first = new ArrayList<>();
                    for (SharedDescription d : result.mapped().shared()) {
                        if (written.add(d.node())) {
                            d.triples().forEach(t -> out.quad(Quad.create(shared, t)));
                            first.add(d);
                        }
                    }
                    resolution.file(result.mapped(), first);
                }
            });
            if (ok) {
                timed("resolving items, providers and topics", () -> resolution.emit(out));
                listener.phase("building indexes");
                loader.finishBulk();
            } else {
                loader.finishException(new IllegalStateException("aborted by --strict"));
            }
        } catch (RuntimeException e) {
            loader.finishException(e);
            store.close();
            layout.discardStaging();
            throw e;
        }
        if (!ok) {
            store.close();
            layout.discardStaging();
            return null;
        }
        LOG.info("bulk load of {} files: {} ms", files.size(), Duration.between(loadStart, Instant.now()).toMillis());
        StoreTotals totals;
        try {
            totals = Txn.calculateWrite(store.dataset(), () -> {
                Set<Node> claimedTwice = resolution.claimedTwice();
                timed("resolving " + claimedTwice.size() + " items several files claim",
                        () -> new Resolver(store.dataset(), iris).resolve(claimedTwice));
                BuildRecord run = run("full", loadTime);
                BuildMetadata.writeBuild(dsg, iris, rootNames(roots), run);
                OptimizerStatistics.write(dsg, timed("describing the dataset",
                        () -> VoidDescription.write(dsg, iris, rootNames(roots), run)));
                return StoreStatistics.totals(dsg, iris);
            });
        } finally {
            store.close();
        }
        TdbStore.release(layout.database());
        try {
            // A server may have started on the store while this build loaded.
            TdbStore.checkNotHeld(layout);
        } catch (StoreException e) {
            layout.discardStaging();
            throw e;
        }
        FileIndex.invalidate(layout);
        layout.swapInStaging();
        FileIndex.write(layout, index, startedNanos);
        return totals;
    }

    // ---- incremental build: one write transaction over the existing database

    /**
     * @param store the store with its text index, which every change goes through
     * @param database the bare TDB2 database under it, in the same transaction, for reads and
     *     writes the text index has no part in (the VoID description)
     * @return false if {@code --strict} stopped the build (nothing changed)
     */
    private boolean incrementalBuild(DatasetGraph store, DatasetGraph database, List<SourceFile> files,
            FileReader reader, List<CorpusScanner.Root> roots, Instant loadTime) {
        long indexStart = System.nanoTime();
        Map<Node, FileIndex.Entry> known = FileIndex.read(layout);
        String from = "the file index";
        if (known == null) {
            from = "the store";
            known = Txn.calculateRead(store, () -> SourceIndex.entries(store));
        }
        index.putAll(known);
        LOG.info("reading what {} knows of {} files: {} ms", from, known.size(), (System.nanoTime() - indexStart) / 1_000_000);
        Set<Node> knownGraphs = known.keySet();
        store.begin(TxnType.WRITE);
        // Every change goes through the tracker, which keeps the VoID figures current as it goes.
        VoidTracker dsg = new VoidTracker(store, iris.voidGraph(), iris.base());
        try {
            Resolver resolver = new Resolver(dsg, iris);
            SharedGraph shared = new SharedGraph(dsg, iris);
            Set<Node> affected = new HashSet<>();
            Set<Node> unreferenced = new HashSet<>();
            Set<Node> seen = new HashSet<>();
            // A graph goes, and with it the file's say on what it spoke of: what it referred to in
            // the shared graph may now be referred to by nothing.
            Consumer<Node> drop = g -> {
                Set<Quad> old = QuadDiff.stored(dsg, g, Node.ANY);
                shared.referencesOf(old, unreferenced, affected);
                QuadDiff.replace(dsg, old, List.of());
            };
            long readStart = System.nanoTime();
            long[] replacing = {0};
            boolean ok = readAll(files, reader, new ResultHandler() {
                @Override
                public void seen(Node graph) {
                    seen.add(graph);
                }

                @Override
                public void loaded(FileResult.Loaded result) {
                    long t0 = System.nanoTime();
                    Set<Quad> old = QuadDiff.stored(dsg, result.mapped().graph(), Node.ANY);
                    List<Quad> quads = result.mapped().quads();
                    if (Resolver.changesOthers(result.mapped().graph(), old, quads)) {
                        shared.referencesOf(old, unreferenced, affected);
                        affected.addAll(result.mapped().resolvable());
                    } else {
                        // Its items still: a duplicate's statements are moved again.
                        shared.referencesOf(old, unreferenced, new HashSet<>());
                        Resolver.describedBy(quads, affected);
                    }
                    // A changed file usually differs from its stored graph in a few statements.
                    QuadDiff.replace(dsg, old, quads);
                    result.mapped().shared().forEach(shared::add);
                    replacing[0] += System.nanoTime() - t0;
                }

                @Override
                public void notSource(Node graph) {
                    if (knownGraphs.contains(graph)) {
                        drop.accept(graph);
                        removed++;
                    }
                }
            });
            if (!ok) {
                store.abort();
                return false;
            }
            LOG.info("reading {} files and replacing {}: {} ms (replacing: {} ms)", files.size(), loaded,
                    (System.nanoTime() - readStart) / 1_000_000, replacing[0] / 1_000_000);
            long dropStart = System.nanoTime();
            long removedWhileReading = removed;
            for (Node g : knownGraphs) {
                StoredSource s = seen.contains(g) ? null : SourceIndex.source(dsg, g);
                if (s != null && inScope(s, roots)) {
                    drop.accept(g);
                    index.remove(g);
                    removed++;
                }
            }
            LOG.info("dropping the graphs of {} deleted files: {} ms", removed - removedWhileReading,
                    (System.nanoTime() - dropStart) / 1_000_000);
            if (loaded == 0 && removed == 0) {
                // Nothing changed: leave the store exactly as it is, and remember the files' stamps.
                if (!Files.exists(OptimizerStatistics.file(database))) {
                    VoidDescription.Figures figures = VoidDescription.read(database, iris);
                    if (figures != null) {
                        OptimizerStatistics.write(database, figures);
                    }
                }
                store.abort();
                FileIndex.write(layout, index, startedNanos);
                return true;
            }
            timed("dropping unreferenced snapshots", () -> shared.collectGarbage(unreferenced, affected));
            timed("resolving " + affected.size() + " items, providers and topics", () -> resolver.resolve(affected));
            BuildMetadata.replaceOntology(dsg);
            BuildRecord run = run("incremental", loadTime);
            BuildMetadata.writeBuild(dsg, iris, rootNames(roots), run);
            VoidDescription.Figures figures = timed("describing the dataset", () -> {
                VoidDescription.Figures f = VoidDescription.read(database, iris);
                if (f == null) {
                    return VoidDescription.write(database, iris, rootNames(roots), run);
                }
                f.add(dsg.delta());
                VoidDescription.write(database, iris, rootNames(roots), run, f);
                return f;
            });
            FileIndex.invalidate(layout);
            timed("committing", store::commit);
            FileIndex.write(layout, index, startedNanos);
            OptimizerStatistics.write(database, figures);
            return true;
        } catch (RuntimeException e) {
            store.abort();
            throw e;
        } finally {
            store.end();
        }
    }

    /** The record of this build, ending now. */
    private BuildRecord run(String kind, Instant started) {
        return new BuildRecord(kind, started, now(), loaded, unchanged, removed, rejections.size());
    }

    /** The clock's time in whole seconds: provenance times are for people, not nanosecond timers. */
    private Instant now() {
        return options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Runs one phase after loading, telling the listener and logging how long it took. */
    private void timed(String phase, Runnable work) {
        timed(phase, () -> {
            work.run();
            return null;
        });
    }

    /** The same, for a phase with a result. */
    private <T> T timed(String phase, java.util.function.Supplier<T> work) {
        listener.phase(phase);
        long start = System.nanoTime();
        T result = work.get();
        LOG.info("{}: {} ms", phase, (System.nanoTime() - start) / 1_000_000);
        return result;
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
