package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.BuildReport;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreLayout;

/** Every sample query, over HTTP, against both shared corpora (skipped when ../shared is absent). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleQueriesTest {

    static final Path SHARED = Path.of("..", "shared", "corpus");
    NewsServer server;
    HttpClientSupport http;

    @BeforeAll
    void start(@TempDir Path dir) {
        assumeTrue(Files.isDirectory(SHARED.resolve("powerapps")) && Files.isDirectory(SHARED.resolve("azure-sample")),
                "../shared/corpus is not present");
        BuildOptions options = new BuildOptions(List.of(SHARED.resolve("powerapps"), SHARED.resolve("azure-sample")),
                IriMinter.DEFAULT_BASE, false, false, 2, Clock.systemUTC());
        BuildReport report = new CorpusLoader(new StoreLayout(dir.resolve("store")), options, BuildListener.NONE).build();
        assertEquals(0, report.rejected());
        server = NewsServer.start(new ServerOptions(dir.resolve("store"), "127.0.0.1", 0, IriMinter.DEFAULT_BASE, 60,
                null, false, false, null, 1024 * 1024, 256 << 20));
        http = new HttpClientSupport(server.port());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<SampleQuery> queries() {
        return SampleQuery.load(Path.of("queries")).stream();
    }

    @Test
    void thereAreAtLeastTwelveDocumentedQueries() {
        List<SampleQuery> queries = queries().toList();
        assertTrue(queries.size() >= 12, "only " + queries.size() + " sample queries");
        for (SampleQuery q : queries) {
            assertTrue(!q.title().equals(q.name()) && q.description().length() > 20, q.name() + " has no comment header");
        }
    }

    private List<QuerySolution> run(SampleQuery q) throws Exception {
        HttpResponse<String> response = http.query(q.text(), "application/sparql-results+json");
        assertEquals(200, response.statusCode(), q.name() + ": " + response.body());
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<QuerySolution> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersWithRows(SampleQuery q) throws Exception {
        List<QuerySolution> rows = run(q);
        assertTrue(!rows.isEmpty(), q.name() + " answered no rows");
        // Every variable the query selects is bound in the first row, except optional ones.
        QuerySolution first = rows.get(0);
        assertTrue(first.varNames().hasNext(), q.name() + " first row is empty");
    }

    @Test
    void answersAreSensible() throws Exception {
        List<SampleQuery> all = queries().toList();
        SampleQuery providers = all.stream().filter(q -> q.name().startsWith("02-")).findFirst().orElseThrow();
        List<QuerySolution> rows = run(providers);
        assertEquals("microsoft.com", rows.get(0).getLiteral("providerDomain").getString());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).getLiteral("items").getInt() >= rows.get(i).getLiteral("items").getInt());
        }
        SampleQuery videos = all.stream().filter(q -> q.name().startsWith("10-")).findFirst().orElseThrow();
        for (QuerySolution row : run(videos)) {
            assertTrue(row.getResource("embed").getURI().startsWith("https://www.youtube.com/embed/"), row.toString());
        }
        SampleQuery onlyRelated = all.stream().filter(q -> q.name().startsWith("09-")).findFirst().orElseThrow();
        assertEquals(50, run(onlyRelated).size());
        SampleQuery duplicates = all.stream().filter(q -> q.name().startsWith("14-")).findFirst().orElseThrow();
        // 4 URLs with two files in powerapps, 2 in azure-sample, and 1 item both corpora hold.
        assertEquals(7, run(duplicates).size());
    }
}
