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
import org.newsgraph.mapping.Vocab;
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

    /** An incremental build that does not compact, however much garbage it leaves. */
    BuildReport buildWithoutCompacting() {
        BuildOptions options = new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, false, false, 2, CLOCK, false);
        return new CorpusLoader(new StoreLayout(store), options, BuildListener.NONE).build();
    }

    private BuildReport build(Path storeDir, boolean full, boolean strict, BuildListener listener) {
        BuildOptions options = new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, full, strict, 2, CLOCK);
        return new CorpusLoader(new StoreLayout(storeDir), options, listener).build();
    }

    /** A copy of everything in the store at {@code storeDir}, in memory, but what the last build did. */
    static DatasetGraph snapshot(Path storeDir) {
        return withoutRun(TdbStore.connect(new StoreLayout(storeDir).database()));
    }

    static DatasetGraph withoutRun(DatasetGraph dsg) {
        return org.newsgraph.Datasets.withoutRun(dsg);
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

    /** The nodes the text index of the store at {@code storeDir} finds for {@code word}. */
    static Set<Node> search(Path storeDir, String word) {
        try (NewsStore store = NewsStore.open(new StoreLayout(storeDir))) {
            org.apache.jena.query.text.DatasetGraphText dsg = (org.apache.jena.query.text.DatasetGraphText) store.dataset();
            return Txn.calculateRead(dsg, () -> {
                Set<Node> hits = new HashSet<>();
                dsg.search(word, null, 100_000).forEachRemaining(h -> hits.add(h.getNode()));
                return hits;
            });
        }
    }

    /**
     * A corpus of {@code items} news files, each with a provider (of 20), two topics (of 10), an
     * image and three related entries (snapshots of other items, some known only from lists), so
     * that a few changed files touch every part of the store.
     */
    TestStore generate(int items) throws IOException {
        for (int i = 0; i < items; i++) {
            StringBuilder extra = new StringBuilder();
            extra.append("excerpt: \"Words about subject ").append(i % 37).append(" and lava ").append(i).append("\"\n");
            extra.append("provider:\n  name: Provider ").append(i % 20).append("\n  domain: p").append(i % 20).append(".example\n");
            extra.append("topics:\n  - Topic ").append(i % 10).append("\n  - Topic ").append((i * 7) % 10).append('\n');
            extra.append("images:\n  - url: \"https://img.example/").append(i).append(".png\"\n    width: 640\n    height: 480\n");
            extra.append("related:\n");
            for (int k = 1; k <= 3; k++) {
                int j = (i * 31 + k * 17) % (items + items / 4);
                extra.append("  - title: \"Seen from a list: item ").append(j).append("\"\n")
                        .append("    webUrl: \"https://n").append(j % 7).append(".example/item/").append(j).append("\"\n")
                        .append("    publishedDateTime: 2021-0").append(1 + j % 9).append("-1").append(j % 10).append("T08:00:00Z\n")
                        .append("    type: article\n");
            }
            write("_news/item-%04d.md".formatted(i), news("Item " + i + " headline", "https://n" + (i % 7)
                    + ".example/item/" + i, "2021-0%d-1%dT08:00:00Z".formatted(1 + i % 9, i % 10), extra.toString()));
        }
        return this;
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
