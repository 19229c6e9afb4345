package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info, compact, backup and restore, as a user runs them. */
class StoreCommandsTest {

    private static final String PREFIXES = "PREFIX schema: <https://schema.org/> PREFIX ng: <https://w3id.org/newsgraph/vocab#>"
            + " PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
    private static final String VOID = "<http://localhost:3030/id/graph/void>";

    @TempDir
    Path dir;

    @Test
    void infoCountsWhatSparqlCounts() {
        Path store = build("s");
        // As a server with updates may: a triple in the default graph, which is a quad too.
        DatasetGraph written = DatabaseMgr.connectDatasetGraph(Location.create(store.resolve("tdb2")));
        Txn.executeWrite(written, () -> written.getDefaultGraph().add(org.apache.jena.graph.NodeFactory.createURI("urn:s"),
                org.apache.jena.graph.NodeFactory.createURI("urn:p"), org.apache.jena.graph.NodeFactory.createLiteralString("o")));
        TDBInternal.expel(written);
        CliRun run = CliRun.of("info", "--store", store.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject info = JSON.parse(run.out());
        Map<String, String> sparql = new LinkedHashMap<>();
        sparql.put("files", "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?f ng:contentHash ?h } }");
        sparql.put("items", typed("schema:CreativeWork"));
        sparql.put("itemsOnlyRelated", "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH <http://localhost:3030/id/graph/resolved>"
                + " { ?s ng:describedBySnapshot ?x } FILTER(STRSTARTS(STR(?s), 'http://localhost:3030/id/item/')) }");
        sparql.put("providers", typed("schema:Organization"));
        sparql.put("topics", typed("skos:Concept"));
        sparql.put("images", typed("schema:ImageObject"));
        sparql.put("relatedLinks", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?o { GRAPH ?g { ?s ng:related ?o }"
                + " FILTER(?g != " + VOID + ") } }");
        sparql.put("triples", "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o }"
                + " FILTER(?g != " + VOID + ") } }");
        sparql.put("quads", "SELECT (COUNT(*) AS ?n) { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(store.resolve("tdb2")));
        try {
            for (Map.Entry<String, String> e : sparql.entrySet()) {
                long expected = Txn.calculateRead(dsg, () -> count(dsg, e.getValue()));
                assertEquals(expected, info.getNumber(e.getKey()).longValue(), e.getKey());
                assertTrue(expected > 0, e.getKey() + " counts nothing in the test corpus");
            }
        } finally {
            TDBInternal.expel(dsg);
        }
        assertEquals(info.getNumber("items").longValue() - info.getNumber("itemsOnlyRelated").longValue(),
                info.getNumber("itemsOwn").longValue());
        assertEquals("http://localhost:3030/id/", info.getString("base"));
        assertEquals("full", info.getObj("lastBuild").getString("kind"));
        assertEquals(info.getNumber("files").longValue(), info.getObj("lastBuild").getNumber("filesLoaded").longValue());
        assertFalse(info.getObj("server").getBoolean("holds"));
        JsonObject size = info.getObj("size");
        assertEquals(size.getNumber("totalBytes").longValue(), size.getNumber("databaseBytes").longValue()
                + size.getNumber("textIndexBytes").longValue() + size.getNumber("otherBytes").longValue());

        CliRun text = CliRun.of("info", "--store", store.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\nitems          " + info.getNumber("items") + " (" + info.getNumber("itemsOwn")
                + " from their own files, " + info.getNumber("itemsOnlyRelated") + " known only from related lists)\n"),
                text.out());
        assertTrue(text.out().contains("\nlast build     full, "), text.out());
        assertTrue(text.out().contains("\nserver         none\n"), text.out());

        CliRun bad = CliRun.of("info", "--store", dir.resolve("nothing").toString());
        assertEquals(1, bad.exitCode());
        assertEquals("newsgraph: no store at " + dir.resolve("nothing") + " (run 'build --store " + dir.resolve("nothing")
                + " PATH' first)\n", bad.err());
    }

    @Test
    void everyCommandsHelpPrintsCleanly() {
        for (String command : new String[] {"build", "query", "serve", "export", "validate", "info", "compact", "backup",
            "restore"}) {
            // picocli warns of a bad format string on System.err itself.
            java.io.PrintStream systemErr = System.err;
            java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
            CliRun help;
            try {
                System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
                help = CliRun.of(command, "--help");
            } finally {
                System.setErr(systemErr);
            }
            assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8), command);
            assertEquals(0, help.exitCode(), command);
            assertEquals("", help.err(), command);
            assertTrue(help.out().startsWith("Usage: newsgraph " + command + " "), help.out());
            assertFalse(help.out().contains("picocli WARN") || help.out().contains("%n"), help.out());
        }
    }

    @Test
    void compactPrintsTheSizesBeforeAndAfter() {
        Path store = build("s");
        CliRun run = CliRun.of("compact", "--store", store.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("compacted " + java.util.regex.Pattern.quote(store.toString())
                + ": database [0-9.]+ [kMG]?B \\([0-9]+ % garbage\\) -> [0-9.]+ [kMG]?B; store [0-9.]+ [kMG]?B -> [0-9.]+ [kMG]?B; [0-9.]+ s\n"),
                run.out());
    }

    @Test
    void aBackupRestoresIntoANewFolderAsTheSameStoreWithTheSameSearch() throws IOException {
        Path store = build("s");
        Path backup = dir.resolve("backups/s.nq.gz");
        CliRun run = CliRun.of("backup", "--store", store.toString(), "--out", backup.toString());
        assertEquals(0, run.exitCode(), run.err());
        long quads = quadsOf(store);
        assertEquals("backed up " + store + ": " + quads + " quads to " + backup + "\n", run.out());
        try (var in = new GZIPInputStream(Files.newInputStream(backup))) {
            assertEquals(quads, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().count());
        }
        assertFalse(Files.exists(dir.resolve("backups/s.nq.gz.partial")));

        Path restored = dir.resolve("restored");
        CliRun restore = CliRun.of("restore", "--store", restored.toString(), backup.toString());
        assertEquals(0, restore.exitCode(), restore.err());
        assertEquals("restored " + restored + ": " + quads + " quads from " + backup + "\n", restore.out());
        assertTrue(org.newsgraph.Datasets.isomorphic(copy(store), copy(restored)), "restored store differs");
        for (String word : new String[] {"intelligence", "AI", "Azure", "cloud", "nothingmatchesthis"}) {
            assertEquals(search(store, word), search(restored, word), word);
        }
        assertFalse(search(store, "intelligence").isEmpty());

        // Into a folder that holds a store: refused unless --force, and the store stays.
        CliRun again = CliRun.of("restore", "--store", restored.toString(), backup.toString());
        assertEquals(1, again.exitCode());
        assertEquals("newsgraph: store " + restored + " is not empty (restore into a new folder, or --force to replace it)\n",
                again.err());
        Path broken = dir.resolve("broken.nq");
        Files.writeString(broken, "<http://a.example/s> <http://a.example/p> \"o\" <http://a.example/g> .\n"
                + "<http://a.example/s> <http://a.example/p> .\n");
        CliRun bad = CliRun.of("restore", "--force", "--store", restored.toString(), broken.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("newsgraph: " + broken + ":2:"), bad.err());
        assertTrue(bad.err().endsWith("; nothing restored\n"), bad.err());
        assertTrue(org.newsgraph.Datasets.isomorphic(copy(store), copy(restored)), "a failed restore changed the store");
        Path never = dir.resolve("never");
        CliRun badNew = CliRun.of("restore", "--store", never.toString(), broken.toString());
        assertEquals(1, badNew.exitCode());
        assertFalse(Files.exists(never), "a failed restore left a folder behind");
        CliRun forced = CliRun.of("restore", "--force", "--store", restored.toString(), backup.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(org.newsgraph.Datasets.isomorphic(copy(store), copy(restored)));
        // The restored store builds on incrementally: nothing in the corpus changed.
        CliRun build = CliRun.of("build", "--quiet", "--store", restored.toString(), "seeds", "src/test/resources/corpus/sample");
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(build.out().startsWith("incremental build: "), build.out());
        assertTrue(build.out().contains("(0 loaded, "), build.out());
    }

    private Path build(String name) {
        Path store = dir.resolve(name);
        CliRun run = CliRun.of("build", "--quiet", "--store", store.toString(), "seeds", "src/test/resources/corpus/sample");
        assertEquals(0, run.exitCode(), run.err());
        return store;
    }

    private static String typed(String cls) {
        return "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a " + cls + " } FILTER(?g != " + VOID + ") }";
    }

    private static long count(DatasetGraph dsg, String query) {
        return QueryExec.dataset(dsg).query(PREFIXES + query).select().next().get("n").getLiteral().getValue() instanceof Number n
                ? n.longValue() : -1;
    }

    private static long quadsOf(Path store) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(store.resolve("tdb2")));
        try {
            return Txn.calculateRead(dsg, () -> count(dsg, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static DatasetGraph copy(Path store) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(store.resolve("tdb2")));
        try {
            DatasetGraph mem = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
            Txn.executeRead(dsg, () -> Txn.executeWrite(mem, () -> dsg.find().forEachRemaining(mem::add)));
            return mem;
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static Set<String> search(Path store, String word) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(store.resolve("tdb2")));
        try {
            var index = TextDatasetFactory.createLuceneIndex(
                    org.apache.lucene.store.FSDirectory.open(store.resolve("text")),
                    new org.apache.jena.query.text.TextIndexConfig(org.newsgraph.store.TextIndexes.definition()));
            DatasetGraphText text = (DatasetGraphText) TextDatasetFactory.create(dsg, index, true);
            try {
                Set<String> hits = new TreeSet<>();
                Txn.executeRead(text, () -> text.search(word, null, 10_000).forEachRemaining(h -> hits.add(h.getNode().toString())));
                return hits;
            } finally {
                index.close();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
