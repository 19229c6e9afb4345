package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.mapping.IriMinter;

/**
 * The questions of {@code src/test/resources/answers/manifest.ttl}, answered by stores this version
 * builds, give exactly the results the previous mapping gave (recorded there): the new shape loses
 * no answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswersTest {

    static final Path ANSWERS = Path.of("src/test/resources/answers");
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
    static final String NGT = "https://w3id.org/newsgraph/tests#";
    static final Map<String, List<Path>> CORPORA = Map.of(
            "small", List.of(Path.of("seeds"), Path.of("src/test/resources/corpus/sample")),
            "azure-sample", List.of(Path.of("..", "shared", "corpus", "azure-sample")));

    @TempDir
    Path dir;
    private final Map<String, StoreLayout> stores = new HashMap<>();

    static Stream<Arguments> entries() {
        Model manifest = RDFDataMgr.loadModel(ANSWERS.resolve("manifest.ttl").toAbsolutePath().toUri().toString());
        Resource root = manifest.listSubjectsWithProperty(manifest.createProperty(MF, "entries")).next();
        RDFList list = root.getPropertyResourceValue(manifest.createProperty(MF, "entries")).as(RDFList.class);
        return list.asJavaList().stream().map(node -> {
            Resource entry = node.asResource();
            Resource action = entry.getPropertyResourceValue(manifest.createProperty(MF, "action"));
            String prefix = action.hasProperty(manifest.createProperty(NGT, "prefix"))
                    ? action.getProperty(manifest.createProperty(NGT, "prefix")).getString() : null;
            return Arguments.of(entry.getProperty(manifest.createProperty(MF, "name")).getString(),
                    action.getProperty(manifest.createProperty(NGT, "corpus")).getString(),
                    Path.of(java.net.URI.create(action.getPropertyResourceValue(manifest.createProperty(QT, "query")).getURI())),
                    prefix,
                    Path.of(java.net.URI.create(entry.getPropertyResourceValue(manifest.createProperty(MF, "result")).getURI())));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void answersAsBefore(String name, String corpus, Path query, String prefix, Path result) throws Exception {
        DatasetGraph dsg = TdbStore.connect(store(corpus).database());
        ResultSetRewindable expected;
        try (java.io.InputStream in = Files.newInputStream(result)) {
            expected = org.apache.jena.query.ResultSetFactory.copyResults(
                    ResultSetMgr.read(in, org.apache.jena.riot.resultset.ResultSetLang.RS_JSON));
        }
        String text = Files.readString(query);
        ResultSetRewindable actual = Txn.calculateRead(dsg, () -> {
            var builder = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(text)
                    .set(TDB2.symUnionDefaultGraph, true);
            if (prefix != null) {
                builder.substitution("prefix", org.apache.jena.rdf.model.ResourceFactory.createStringLiteral(prefix));
            }
            try (QueryExecution qe = builder.build()) {
                return org.apache.jena.query.ResultSetFactory.copyResults(qe.execSelect());
            }
        });
        boolean same = ResultsCompare.equalsByTermAndOrder(expected, actual);
        if (!same) {
            expected.reset();
            actual.reset();
            System.err.println("expected:\n" + ResultSetFormatter.asText(expected) + "\nactual:\n" + ResultSetFormatter.asText(actual));
        }
        expected.reset();
        actual.reset();
        assertEquals(expected.size(), actual.size(), name + ": rows");
        assertTrue(same, name + ": answers differ (printed above)");
    }

    private StoreLayout store(String corpus) {
        return stores.computeIfAbsent(corpus, c -> {
            List<Path> roots = CORPORA.get(c);
            roots.forEach(r -> assumeTrue(Files.isDirectory(r), r + " is not present"));
            StoreLayout layout = new StoreLayout(dir.resolve(c));
            BuildOptions options = new BuildOptions(roots, IriMinter.DEFAULT_BASE, false, false, 2, TestStore.CLOCK);
            BuildReport report = new CorpusLoader(layout, options, BuildListener.NONE).build();
            assertEquals(0, report.rejected());
            return layout;
        });
    }

    @AfterAll
    void release() {
        stores.values().forEach(l -> TdbStore.release(l.database()));
    }
}
