package org.newsgraph.server;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.BuildReport;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreException;
import org.newsgraph.store.StoreLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a served store current ({@code serve --watch}): watches the corpus folders and, once a
 * burst of changes has settled, runs an incremental build on the server's own dataset, in one
 * write transaction, so a query sees the store before the batch or after it. The build compares
 * every file with the file index as any build does, so nothing depends on which events arrive;
 * an event only says when to look.
 */
public final class CorpusWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);

    /** How long the folders must be quiet before a build starts: an editor's save is several events. */
    static final long SETTLE_MILLIS = 300;
    /** The longest a build waits for the folders to settle, under a steady stream of changes. */
    static final long MAX_WAIT_MILLIS = 2_000;

    private final StoreLayout layout;
    private final BuildOptions options;
    private final Supplier<DatasetGraph> dataset;
    private final Consumer<String> report;
    private final WatchService watcher;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long builds;
    /** The rejections the last batch reported: a file still broken is read again, not reported again. */
    private Set<String> reported = Set.of();

    /**
     * @param options the roots to watch and the settings to build with (the store's base)
     * @param dataset the server's dataset (the store with its text index)
     * @param report where each build's summary and each rejected file's line go
     */
    public CorpusWatcher(StoreLayout layout, BuildOptions options, Supplier<DatasetGraph> dataset, Consumer<String> report) {
        this.layout = layout;
        this.options = options;
        this.dataset = dataset;
        this.report = report;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            for (Path root : options.roots()) {
                if (!Files.exists(root)) {
                    throw new StoreException("no such file or folder: " + root);
                }
                register(Files.isDirectory(root) ? root : root.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot watch " + options.roots() + ": " + e.getMessage());
        }
        this.thread = new Thread(this::run, "newsgraph-watch");
        thread.setDaemon(true);
    }

    /** Brings the store up to date with the folders now, then follows their changes. */
    public void start() {
        thread.start();
    }

    /** Builds finished so far (for tests that wait for one). */
    public long builds() {
        return builds;
    }

    private void run() {
        update();
        while (!stopping) {
            try {
                WatchKey key = watcher.take();
                long first = System.currentTimeMillis();
                handle(key);
                // Let the burst settle: more events within SETTLE_MILLIS join this batch.
                while (System.currentTimeMillis() - first < MAX_WAIT_MILLIS) {
                    WatchKey more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                    if (more == null) {
                        break;
                    }
                    handle(more);
                }
                update();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    /** Takes a key's events: new folders are watched too. */
    private void handle(WatchKey key) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && folder != null) {
                Path child = folder.resolve((Path) event.context());
                if (Files.isDirectory(child) && !hidden(child)) {
                    try {
                        register(child);
                    } catch (IOException e) {
                        report.accept("watch: cannot watch " + child + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private void update() {
        Set<String> rejected = new HashSet<>();
        try {
            BuildReport r = new CorpusLoader(layout, options, new BuildListener() {
                @Override
                public void rejected(String line) {
                    rejected.add(line);
                    if (!reported.contains(line)) {
                        report.accept("watch: rejected " + line + " (its previous graph stays)");
                    }
                }
            }).update(dataset.get());
            reported = rejected;
            if (r.loaded() > 0 || r.removed() > 0) {
                report.accept(String.format("watch: %d loaded, %d removed, %d rejected; %d items, %d triples;%s %.1f s",
                        r.loaded(), r.removed(), r.rejected(), r.totals().items(), r.totals().triples(),
                        r.compaction() != null ? " compacted;" : "", r.wallTime().toMillis() / 1000.0));
            }
        } catch (StoreException e) {
            report.accept("watch: " + e.getMessage());
        } catch (RuntimeException e) {
            // The server goes on serving what it has; the next change tries again.
            LOG.warn("watch: build failed", e);
            report.accept("watch: build failed (please report): " + e);
        }
        builds++;
    }

    private void register(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start) && hidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.put(dir.register(watcher, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY, OVERFLOW), dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    @Override
    public void close() {
        stopping = true;
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        // No interrupt: it would close the database's file channels under a running build.
        try {
            thread.join(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
