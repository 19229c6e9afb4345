package org.newsgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Main;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreLayout;
import org.newsgraph.store.TdbStore;

/** Every export format, round-tripped through Jena's parsers, over a store built from the seeds and the sample corpus. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExporterTest {

    Path dir;
    StoreLayout layout;
    Graph union;

    @BeforeAll
    void build(@TempDir Path tempDir) throws java.io.IOException {
        dir = tempDir;
        layout = new StoreLayout(dir.resolve("store"));
        // A second corpus with the same provider profile: two graphs say the same triples.
        Path other = dir.resolve("other/_data/organizations/uw.edu.md");
        java.nio.file.Files.createDirectories(other.getParent());
        java.nio.file.Files.copy(Path.of("src/test/resources/corpus/sample/_data/organizations/uw.edu.md"), other);
        BuildOptions options = new BuildOptions(List.of(Path.of("seeds"), Path.of("src/test/resources/corpus/sample"),
                dir.resolve("other")), IriMinter.DEFAULT_BASE, false, false, 2, Clock.systemUTC());
        new CorpusLoader(layout, options, BuildListener.NONE).build();
        DatasetGraph store = store();
        union = GraphFactory.createDefaultGraph();
        Txn.executeRead(store, () -> store.getUnionGraph().find().forEachRemaining(union::add));
    }

    /** Connects each time: the CLI test closes the store when its command ends. */
    private DatasetGraph store() {
        return TdbStore.connect(layout.database());
    }

    @AfterAll
    void close() {
        TdbStore.release(layout.database());
    }

    private byte[] export(ExportFormat format, Node graph) {
        DatasetGraph store = store();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(store, () -> new Exporter(store, IriMinter.DEFAULT_BASE).export(format, graph, out));
        return out.toByteArray();
    }

    private static Graph parse(byte[] bytes, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(g);
        return g;
    }

    @Test
    void tripleFormatsGiveTheUnionGraphDeduplicated() {
        DatasetGraph store = store();
        long quads = Txn.calculateRead(store, () -> store.stream().count());
        assertTrue(quads > union.size(), "the store repeats some triples across graphs");
        for (ExportFormat format : List.of(ExportFormat.TURTLE, ExportFormat.NTRIPLES, ExportFormat.RDFXML,
                ExportFormat.JSONLD)) {
            Lang lang = switch (format) {
                case TURTLE -> Lang.TURTLE;
                case NTRIPLES -> Lang.NTRIPLES;
                case RDFXML -> Lang.RDFXML;
                default -> Lang.JSONLD;
            };
            Graph parsed = parse(export(format, null), lang);
            assertEquals(union.size(), parsed.size(), format + " triple count");
            assertTrue(parsed.isIsomorphicWith(union), format + " differs from the union graph");
        }
    }

    @Test
    void jsonLdSplitsASubjectTooBigForOneChunkAndStaysTheSameGraph() {
        // One subject with 2,500 triples, one with 6 MB of literals, then 600 small ones: chunks
        // stay small (bounded memory), and JSON-LD merges the node objects of one @id again.
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node g = NodeFactory.createURI("urn:test:g");
        Node keywords = NodeFactory.createURI("https://schema.org/keywords");
        String big = "http://localhost:3030/id/item/big";
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 2_500; i++) {
                dsg.add(g, NodeFactory.createURI(big), keywords, NodeFactory.createLiteralString("keyword " + i));
            }
            for (int i = 0; i < 3; i++) {
                dsg.add(g, NodeFactory.createURI("http://localhost:3030/id/item/wordy"), keywords,
                        NodeFactory.createLiteralString(i + "x".repeat(2_000_000)));
            }
            for (int i = 0; i < 600; i++) {
                dsg.add(g, NodeFactory.createURI("http://localhost:3030/id/item/small" + i), keywords,
                        NodeFactory.createLiteralString("small " + i));
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(dsg, () -> new Exporter(dsg, IriMinter.DEFAULT_BASE).export(ExportFormat.JSONLD, null, out));
        Graph expected = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.getUnionGraph().find().forEachRemaining(expected::add));
        Graph parsed = parse(out.toByteArray(), Lang.JSONLD);
        assertEquals(3_103, parsed.size());
        assertTrue(parsed.isIsomorphicWith(expected));
        JsonObject json = Json.createReader(new ByteArrayInputStream(out.toByteArray())).readObject();
        List<JsonObject> bigNodes = json.getJsonArray("@graph").stream().map(JsonValue::asJsonObject)
                .filter(n -> n.getString("id").equals(big)).toList();
        assertTrue(bigNodes.size() >= 3, "node objects of the big subject: " + bigNodes.size());
        for (JsonObject n : bigNodes) {
            int values = n.values().stream().mapToInt(v -> v instanceof jakarta.json.JsonArray a ? a.size() : 1).sum() - 1;
            assertTrue(values <= 1_000, "values in one node object: " + values);
        }
    }

    @Test
    void quadFormatsKeepTheNamedGraphs() {
        DatasetGraph store = store();
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(copy, () -> Txn.executeRead(store, () -> store.find().forEachRemaining(copy::add)));
        for (Lang lang : List.of(Lang.TRIG, Lang.NQUADS)) {
            DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
            byte[] bytes = export(lang == Lang.TRIG ? ExportFormat.TRIG : ExportFormat.NQUADS, null);
            Txn.executeWrite(parsed, () -> RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(parsed));
            assertTrue(Txn.calculateRead(parsed, () -> org.newsgraph.Datasets.isomorphic(copy, parsed)), lang + " differs from the store");
        }
    }

    @Test
    void prefixesAreDeclaredAndTurtleIsGroupedBySubject() {
        String turtle = new String(export(ExportFormat.TURTLE, null), StandardCharsets.UTF_8);
        for (String prefix : List.of("PREFIX schema: <https://schema.org/>", "PREFIX ng: <https://w3id.org/newsgraph/vocab#>",
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>", "PREFIX item: <http://localhost:3030/id/item/>")) {
            assertTrue(turtle.contains(prefix), "missing " + prefix);
        }
        Set<Node> subjects = new HashSet<>();
        union.find().forEachRemaining(t -> subjects.add(t.getSubject()));
        long blocks = turtle.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))
                && !l.startsWith("PREFIX")).count();
        assertEquals(subjects.size(), blocks, "one block per subject");
        String trig = new String(export(ExportFormat.TRIG, null), StandardCharsets.UTF_8);
        assertTrue(trig.contains("PREFIX schema: <https://schema.org/>"));
        String rdfxml = new String(export(ExportFormat.RDFXML, null), StandardCharsets.UTF_8);
        assertTrue(rdfxml.contains("xmlns:schema=\"https://schema.org/\""));
    }

    @Test
    void oneGraphCanBeExported() {
        Node g = new IriMinter(IriMinter.DEFAULT_BASE).graph("seeds", "000_64b57fa6954c0aa0.txt");
        Graph expected = GraphFactory.createDefaultGraph();
        DatasetGraph store = store();
        Txn.executeRead(store, () -> store.getGraph(g).find().forEachRemaining(expected::add));
        assertTrue(expected.size() > 30);
        assertTrue(parse(export(ExportFormat.NTRIPLES, g), Lang.NTRIPLES).isIsomorphicWith(expected));
        byte[] nquads = export(ExportFormat.NQUADS, g);
        assertEquals(expected.size(), new String(nquads, StandardCharsets.UTF_8).lines()
                .filter(l -> l.endsWith("<" + g.getURI() + "> .")).count());
    }

    @Test
    void jsonLdIsCompactWithThePublishedContext() {
        JsonObject json = Json.createReader(new ByteArrayInputStream(export(ExportFormat.JSONLD, null))).readObject();
        assertEquals(JsonLdContext.document().get("@context"), json.get("@context"));
        JsonObject seedItem = json.getJsonArray("@graph").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("id", "").equals("http://localhost:3030/id/item/bef9974043f9ec10c810"))
                .findFirst().orElseThrow();
        assertEquals("A World Divided Over Artificial Intelligence", seedItem.getString("headline"));
        assertEquals("http://localhost:3030/id/provider/foreignaffairs.com", seedItem.getString("publisher"));
        assertEquals(37, seedItem.getInt("quality"));
        assertEquals(JsonValue.FALSE, seedItem.get("published"));
        assertEquals("2024-03-11T04:21:00Z", seedItem.getString("datePublished"));
    }

    @Test
    void cliWritesGzipAndRejectsUnknownFormats() throws IOException {
        Path out = dir.resolve("out/all.nt.gz");
        assertEquals(0, Main.run(System.out, System.err, "export", "--store", layout.dir().toString(), "--format",
                "ntriples", "--out", out.toString()));
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            unzipped = in.readAllBytes();
        }
        assertTrue(parse(unzipped, Lang.NTRIPLES).isIsomorphicWith(union));
        assertEquals(List.of(out), Files.list(out.getParent()).toList(), "only the file, no partial one");

        // A file that cannot take the place of what is there: the old one stays, no partial file.
        Path taken = dir.resolve("taken");
        Files.createDirectories(taken.resolve("inside"));
        ByteArrayOutputStream failed = new ByteArrayOutputStream();
        assertEquals(1, Main.run(System.out, new PrintStream(failed, true, StandardCharsets.UTF_8), "export", "--store",
                layout.dir().toString(), "--format", "turtle", "--out", taken.toString()));
        assertTrue(failed.toString(StandardCharsets.UTF_8).startsWith("newsgraph: I/O error: "), failed.toString());
        assertEquals(List.of(taken), Files.list(dir).filter(p -> p.getFileName().toString().startsWith("taken")).toList());
        assertTrue(Files.isDirectory(taken.resolve("inside")));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), "export", "--store",
                layout.dir().toString(), "--format", "csv");
        assertEquals(1, code);
        assertEquals("newsgraph: unknown format 'csv' (use turtle, trig, nquads, ntriples, jsonld or rdfxml)\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
