package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.WebUrl;

/** A corpus folder and a store folder for one test, with a fixed clock so builds compare equal. */
final class TestStore {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);

    final Path corpus;
    final Path store;

    TestStore(Path dir) {
        this.corpus = dir.resolve("corpus");
        this.store = dir.resolve("store");
    }

    TestStore write(String relativePath, String content) throws IOException {
        Path file = corpus.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    TestStore delete(String relativePath) throws IOException {
        Files.delete(corpus.resolve(relativePath));
        return this;
    }

    BuildReport build(boolean full, boolean strict) {
        return build(store, full, strict);
    }

    BuildReport build() {
        return build(false, false);
    }

    BuildReport build(Path storeDir, boolean full, boolean strict) {
        return build(storeDir, full, strict, BuildListener.NONE);
    }

    /** An incremental (or first) build that tells {@code listener}. */
    BuildReport build(BuildListener listener) {
        return build(store, false, false, listener);
    }

    private BuildReport build(Path storeDir, boolean full, boolean strict, BuildListener listener) {
        BuildOptions options = new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, full, strict, 2, CLOCK);
        return new CorpusLoader(new StoreLayout(storeDir), options, listener).build();
    }

    /** A copy of everything in the store at {@code storeDir}, in memory. */
    static DatasetGraph snapshot(Path storeDir) {
        DatasetGraph dsg = TdbStore.connect(new StoreLayout(storeDir).database());
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        List<Quad> quads = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(quads::add));
        Txn.executeWrite(copy, () -> quads.forEach(copy::add));
        return copy;
    }

    DatasetGraph snapshot() {
        return snapshot(store);
    }

    /**
     * Asserts that {@link Resolver}, resolving every node from what the store at {@code storeDir}
     * holds, changes nothing: a full build made the same choices while it streamed
     * ({@link StreamedResolution}). The store is left as it was.
     */
    static void assertResolvingAgainChangesNothing(Path storeDir) {
        DatasetGraph dsg = TdbStore.connect(new StoreLayout(storeDir).database());
        dsg.begin(TxnType.WRITE);
        try {
            Set<Quad> before = new HashSet<>();
            dsg.find().forEachRemaining(before::add);
            Resolver resolver = new Resolver(dsg, IRIS);
            resolver.resolve(resolver.all());
            Set<Quad> after = new HashSet<>();
            dsg.find().forEachRemaining(after::add);
            List<Quad> added = after.stream().filter(q -> !before.contains(q)).limit(5).toList();
            List<Quad> removed = before.stream().filter(q -> !after.contains(q)).limit(5).toList();
            assertEquals(List.of(), added, "resolving again adds");
            assertEquals(List.of(), removed, "resolving again removes");
        } finally {
            dsg.abort();
            dsg.end();
        }
    }

    static Node item(String url) {
        return IRIS.item(WebUrl.parse(url).key());
    }

    static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    /** A news file's front matter with the fields most tests need. */
    static String news(String title, String url, String date, String extra) {
        return "---\ntitle: \"" + title + "\"\nwebUrl: \"" + url + "\"\npublishedDateTime: " + date
                + "\ntype: article\n" + extra + "---\n";
    }
}
