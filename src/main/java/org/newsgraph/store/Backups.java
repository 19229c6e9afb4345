package org.newsgraph.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.newsgraph.mapping.IriMinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of a store as gzipped N-Quads: every quad of every graph, written in one read
 * transaction (so a consistent state however the store changes meanwhile), and restored through
 * the TDB2 bulk loader into a new database with its text index rebuilt on the way, which
 * replaces the store only when complete. A backup file appears complete or not at all.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private Backups() {
    }

    /** Writes the store at {@code layout} to {@code file} and returns the number of quads. */
    public static long backup(StoreLayout layout, Path file) {
        DatasetGraph dsg = TdbStore.connect(layout.database());
        try {
            return write(file, out -> Txn.executeRead(dsg, () -> StreamRDFOps.sendTriplesQuadsToStream(dsg, out)));
        } finally {
            TdbStore.release(layout.database());
        }
    }

    /** Something that sends triples and quads to a stream. */
    public interface QuadSource {
        void writeTo(StreamRDF out) throws IOException;
    }

    /**
     * Writes what {@code source} sends to {@code file} as gzipped N-Quads, whole or not at all
     * ({@link AtomicFile}), and returns the number of triples and quads.
     */
    public static long write(Path file, QuadSource source) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            long[] n = {0};
            AtomicFile.write(file, raw -> {
                try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16)) {
                    StreamRDFCounting stream = StreamRDFLib.count(StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS));
                    stream.start();
                    source.writeTo(stream);
                    stream.finish();
                    n[0] = stream.count();
                }
            });
            return n[0];
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new StoreException("cannot write backup " + file + ": " + e.getFile() + " is a file, not a folder");
        } catch (IOException e) {
            throw new StoreException("cannot write backup " + file + ": " + e.getMessage());
        }
    }

    /**
     * Restores {@code file} (N-Quads, gzipped or not) into the store at {@code layout}, which must be
     * empty unless {@code replace}. Returns the number of quads. On a malformed file nothing changes.
     */
    public static long restore(StoreLayout layout, Path file, boolean replace) {
        if (!Files.isReadable(file)) {
            throw new StoreException("cannot read backup " + file);
        }
        if (layout.exists() && !replace) {
            throw new StoreException("store " + layout.dir() + " is not empty (restore into a new folder, or --force to replace it)");
        }
        boolean created = !Files.exists(layout.dir());
        try {
            Files.createDirectories(layout.dir());
        } catch (IOException e) {
            throw new StoreException("cannot create store folder " + layout.dir() + ": " + e.getMessage());
        }
        try {
            return restoreInto(layout, file);
        } catch (RuntimeException e) {
            if (created) {
                // Nothing restored: leave no folder behind either.
                try {
                    StoreLayout.deleteTree(layout.dir());
                } catch (IOException ignored) {
                    // the restore's error is the one to tell
                }
            }
            throw e;
        }
    }

    private static long restoreInto(StoreLayout layout, Path file) {
        // A server's files must not move under it: refused here, and again before the swap.
        TdbStore.checkNotHeld(layout);
        layout.recover();
        StoreLayout staging = layout.staging();
        layout.discardStaging();
        long quads;
        NewsStore store = NewsStore.open(staging);
        try {
            quads = load(file, store);
            IriMinter iris = new IriMinter(StoreInfo.base(store.database()));
            VoidDescription.Figures figures = Txn.calculateRead(store.database(),
                    () -> VoidDescription.read(store.database(), iris));
            if (figures != null) {
                OptimizerStatistics.write(store.database(), figures);
            }
        } catch (RuntimeException e) {
            store.close();
            layout.discardStaging();
            throw e;
        }
        store.close();
        try {
            TdbStore.checkNotHeld(layout);
        } catch (StoreException e) {
            layout.discardStaging();
            throw e;
        }
        TdbStore.release(layout.database());
        FileIndex.invalidate(layout);
        // What remotes were sent no longer says what the store differs from them in.
        SentGraphs.invalidateAll(layout);
        layout.swapInStaging();
        return quads;
    }

    private static long load(Path file, NewsStore store) {
        DataLoader loader = LoaderFactory.phasedLoader(store.database(), (format, args) -> LOG.debug(String.format(format, args)));
        StreamRDFCounting counting = StreamRDFLib.count(TextIndexes.indexing(loader.stream(), store.textIndex()));
        loader.startBulk();
        try (InputStream in = open(file)) {
            RDFParser.source(in).lang(Lang.NQUADS).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                    .parse(counting);
            loader.finishBulk();
            store.textIndex().prepareCommit();
            store.textIndex().commit();
            return counting.count();
        } catch (RiotException e) {
            loader.finishException(e);
            throw new StoreException(RdfErrors.located(file, e) + "; nothing restored");
        } catch (IOException | org.apache.jena.atlas.RuntimeIOException e) {
            loader.finishException(e);
            throw new StoreException("cannot read backup " + file + ": " + e.getMessage() + "; nothing restored");
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }

    /** The file's bytes, ungzipped when they are gzip (whatever its name). */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }
}
