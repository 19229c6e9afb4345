package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The real corpora in ../shared, when present (the tests are skipped otherwise). */
class SharedCorpusTest {

    static final Path SHARED = Path.of("..", "shared", "corpus");

    @TempDir
    Path dir;

    @Test
    void powerappsLoadsWithOneItemPerDistinctUrl() throws IOException {
        BuildReport report = buildAndCheck("powerapps");
        assertEquals(0, report.rejections().size());
    }

    @Test
    void azureSampleStoresEachDistinctRelatedSnapshotOnce() throws IOException {
        buildAndCheck("azure-sample");
        Path corpus = SHARED.resolve("azure-sample");
        // Every entry keeps its place in its list; what entries say alike is one node.
        assertEquals(relatedEntries(corpus), count("SELECT (COUNT(*) AS ?n) { ?item ng:relatedList ?list . ?list ?slot ?s"
                + " FILTER(STRSTARTS(STR(?slot), STR(rdf:_))) }"));
        assertEquals(distinctRelatedEntries(corpus), count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a ng:RelatedSnapshot }"));
        long quads = count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        assertTrue(quads <= 300_000, quads + " quads");
    }

    /**
     * Builds one shared corpus (skipping when it is absent) and checks what holds for every corpus:
     * nothing rejected, one item per distinct URL, one headline and date per item, the shapes.
     */
    private BuildReport buildAndCheck(String name) throws IOException {
        Path corpus = SHARED.resolve(name);
        assumeTrue(Files.isDirectory(corpus), "../shared/corpus/" + name + " is not present");
        BuildReport report = build(corpus);
        assertEquals(0, report.rejected(), String.join("\n", report.rejections()));
        assertEquals(distinctItemUrls(corpus), report.totals().items());
        assertOneHeadlineAndAtMostOneDatePerItem();
        assertConformsToTheShapes();
        TestStore.assertResolvingAgainChangesNothing(dir.resolve("store"));
        return report;
    }

    private void assertConformsToTheShapes() {
        DatasetGraph dsg = TdbStore.connect(new StoreLayout(dir.resolve("store")).database());
        var report = Txn.calculateRead(dsg, () -> org.newsgraph.validate.ShapesValidator.load().validate(dsg.getUnionGraph()));
        assertEquals(List.of(), org.newsgraph.validate.ShapesValidator.lines(report, IriMinter.DEFAULT_BASE));
    }

    private BuildReport build(Path corpus) {
        BuildOptions options = new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, false, false, 2, TestStore.CLOCK);
        return new CorpusLoader(new StoreLayout(dir.resolve("store")), options, BuildListener.NONE).build();
    }

    private void assertOneHeadlineAndAtMostOneDatePerItem() {
        assertEquals(0, count("SELECT (COUNT(*) AS ?n) { { SELECT ?i (COUNT(DISTINCT ?h) AS ?hs) (COUNT(DISTINCT ?d) AS ?ds) {"
                + " ?i a schema:CreativeWork OPTIONAL { ?i schema:headline ?h } OPTIONAL { ?i schema:datePublished ?d } }"
                + " GROUP BY ?i } FILTER(?hs != 1 || ?ds > 1) }"));
    }

    private long count(String select) {
        DatasetGraph dsg = TdbStore.connect(new StoreLayout(dir.resolve("store")).database());
        String query = "PREFIX schema: <https://schema.org/> PREFIX ng: <https://w3id.org/newsgraph/vocab#>"
                + " PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> " + select;
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                    .set(TDB2.symUnionDefaultGraph, true).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    /** Counted independently of the tool: the raw URL strings, read with plain SnakeYAML. */
    @SuppressWarnings("unchecked")
    static long distinctItemUrls(Path corpus) throws IOException {
        Set<Object> urls = new HashSet<>();
        for (Map<String, Object> fm : newsFrontMatter(corpus)) {
            urls.add(fm.getOrDefault("webUrl", fm.get("originalUrl")));
            for (Object r : (List<Object>) fm.getOrDefault("related", List.of())) {
                Map<String, Object> entry = (Map<String, Object>) r;
                urls.add(entry.getOrDefault("webUrl", entry.get("originalUrl")));
            }
        }
        return urls.size();
    }

    /** Distinct related entries, compared as the YAML maps they are (not as the tool reads them). */
    static long distinctRelatedEntries(Path corpus) throws IOException {
        Set<Object> entries = new HashSet<>();
        for (Map<String, Object> fm : newsFrontMatter(corpus)) {
            entries.addAll((List<?>) fm.getOrDefault("related", List.of()));
        }
        return entries.size();
    }

    static long relatedEntries(Path corpus) throws IOException {
        return newsFrontMatter(corpus).stream().mapToLong(fm -> ((List<?>) fm.getOrDefault("related", List.of())).size()).sum();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> newsFrontMatter(Path corpus) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Stream<Path> files = Files.list(corpus.resolve("_news"))) {
            return files.filter(p -> p.toString().endsWith(".md")).map(p -> {
                try {
                    String text = Files.readString(p);
                    return (Map<String, Object>) yaml.load(text.substring(3, text.indexOf("\n---", 3)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
