package org.newsgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.TdbStore;

/**
 * The exports of the real powerapps corpus, read back by tools we did not write: rapper (raptor,
 * a C implementation) for Turtle, N-Triples and RDF/XML; a fresh TDB2 store for TriG and N-Quads;
 * Jena's JSON-LD reader for JSON-LD. Needs ../shared and rapper (.ci/run installs raptor2-utils).
 */
class InteropIT {

    static final Path CORPUS = Path.of("..", "shared", "corpus", "powerapps");

    @Test
    void exportsOfTheRealCorpusReadBackWithTheSameTriples(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/powerapps is not present");
        assumeTrue(hasRapper(), "rapper (raptor2-utils) is not installed");
        StoreLayout layout = new StoreLayout(dir.resolve("store"));
        new CorpusLoader(layout, new BuildOptions(List.of(CORPUS), IriMinter.DEFAULT_BASE, false, false, 2,
                Clock.systemUTC()), BuildListener.NONE).build();
        DatasetGraph store = TdbStore.connect(layout.database());
        Graph union = GraphFactory.createDefaultGraph();
        DatasetGraph quads = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(store, () -> store.getUnionGraph().find().forEachRemaining(union::add));
        Txn.executeWrite(quads, () -> Txn.executeRead(store, () -> store.find().forEachRemaining(quads::add)));
        TdbStore.release(layout.database());

        for (String format : List.of("turtle", "ntriples", "rdfxml")) {
            Path file = export(layout, format, dir.resolve("powerapps." + format));
            assertEquals(union.size(), rapperCount(file, format), "rapper's triple count of the " + format + " export");
        }

        for (String format : List.of("trig", "nquads")) {
            Path file = export(layout, format, dir.resolve("powerapps." + format));
            DatasetGraph reloaded = DatabaseMgr.connectDatasetGraph(dir.resolve("reload-" + format).toString());
            Txn.executeWrite(reloaded, () -> RDFParser.source(file).lang(format.equals("trig") ? Lang.TRIG : Lang.NQUADS)
                    .parse(reloaded));
            DatasetGraph copy = DatasetGraphFactory.createTxnMem();
            Txn.executeWrite(copy, () -> Txn.executeRead(reloaded, () -> reloaded.find().forEachRemaining(copy::add)));
            TDBInternal.expel(reloaded);
            assertTrue(Txn.calculateRead(copy, () -> Txn.calculateRead(quads, () -> org.newsgraph.Datasets.isomorphic(quads, copy))),
                    format + " reloaded into TDB2 differs from the store");
        }

        Path jsonld = export(layout, "jsonld", dir.resolve("powerapps.jsonld"));
        Graph expanded = GraphFactory.createDefaultGraph();
        RDFParser.source(jsonld).lang(Lang.JSONLD).parse(expanded);
        assertEquals(union.size(), expanded.size());
        assertTrue(expanded.isIsomorphicWith(union), "JSON-LD does not expand to the same triples");
    }

    static final Path AZURE = Path.of("..", "shared", "corpus", "azure-sample");

    /**
     * README: every format streams, whatever the store's size; run as a user would, in 256 MiB of heap.
     * (Turtle, TriG and N-Quads go through the same streaming writers as N-Triples.)
     */
    @Test
    void everyFormatOfTheAzureSampleStoreIsExportedIn256MiB(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(AZURE), "../shared/corpus/azure-sample is not present");
        StoreLayout layout = new StoreLayout(dir.resolve("store"));
        new CorpusLoader(layout, new BuildOptions(List.of(AZURE), IriMinter.DEFAULT_BASE, false, false, 2,
                Clock.systemUTC()), BuildListener.NONE).build();
        DatasetGraph store = TdbStore.connect(layout.database());
        long triples = Txn.calculateRead(store, () -> store.getUnionGraph().size());
        TdbStore.release(layout.database());
        for (String format : List.of("jsonld", "rdfxml", "ntriples")) {
            Path out = dir.resolve("azure." + format);
            long start = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", Path.of("target", "newsgraph.jar").toString(), "export", "--store", layout.dir().toString(),
                    "--format", format, "--out", out.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(600, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), format + ": " + output);
            assertEquals("", output, format);
            System.out.printf("export -Xmx256m %-8s %,12d bytes %6d ms%n", format, Files.size(out),
                    (System.nanoTime() - start) / 1_000_000);
        }
        // Too little heap: one line, exit 1, and no file left behind.
        Path starved = dir.resolve("starved.jsonld");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
                "-jar", Path.of("target", "newsgraph.jar").toString(), "export", "--store", layout.dir().toString(),
                "--format", "jsonld", "--out", starved.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertEquals("newsgraph: out of memory: the Java heap (24 MiB) is too small for this; run java with a larger -Xmx\n",
                output);
        assertEquals(List.of(), Files.list(dir).filter(f -> f.getFileName().toString().startsWith("starved")).toList());

        Graph jsonld = GraphFactory.createDefaultGraph();
        RDFParser.source(dir.resolve("azure.jsonld")).lang(Lang.JSONLD).parse(jsonld);
        assertEquals(triples, jsonld.size(), "triples of the JSON-LD export");
        try (var lines = Files.lines(dir.resolve("azure.ntriples"))) {
            assertEquals(triples, lines.count(), "lines of the N-Triples export");
        }
    }

    private static Path export(StoreLayout layout, String format, Path out) throws IOException {
        long start = System.nanoTime();
        assertEquals(0, Main.run(System.out, System.err, "export", "--store", layout.dir().toString(), "--format", format,
                "--out", out.toString()));
        System.out.printf("export %-8s %,12d bytes %6d ms%n", format, Files.size(out), (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    private static boolean hasRapper() {
        try {
            return new ProcessBuilder("rapper", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static long rapperCount(Path file, String format) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("rapper", "-i", format, "-c", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        Matcher m = Pattern.compile("returned (\\d+) triples").matcher(output);
        assertTrue(m.find(), output);
        System.out.printf("rapper   %-8s %,12d triples%n", format, Long.parseLong(m.group(1)));
        return Long.parseLong(m.group(1));
    }
}
