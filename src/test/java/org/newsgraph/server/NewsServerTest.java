package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;
import org.newsgraph.mapping.WebUrl;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.StoreLayout;

/** The server over real HTTP, on an ephemeral port, over a store built from the seeds and one hostile item. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsServerTest {

    static final String HOSTILE_TITLE = "<script>alert('x')</script> Breaking & entering";
    static final String HOSTILE_URL = "https://evil.example/story";
    static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);

    Path dir;
    NewsServer server;
    HttpClientSupport http;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        for (String seed : List.of("000_64b57fa6954c0aa0.txt", "003_126f5605e73083dd.txt")) {
            Files.copy(Path.of("seeds", seed), corpus.resolve(seed));
        }
        Files.writeString(corpus.resolve("hostile.md"), "---\ntitle: \"" + HOSTILE_TITLE.replace("\"", "\\\"")
                + "\"\nexcerpt: Volcanologists baffled\nwebUrl: " + HOSTILE_URL
                + "\ntype: video\nfeaturedContent: \"<iframe src=\\\"https://video.example/embed/1\\\"></iframe>\"\n"
                + "ampWebUrl: \"javascript:alert(1)\"\n"
                + "related:\n  - title: Aftershock\n    webUrl: https://quake.example/a\n    mood: tense\n---\n");
        BuildOptions options = new BuildOptions(List.of(corpus), IriMinter.DEFAULT_BASE, false, false, 2,
                Clock.systemUTC());
        new CorpusLoader(new StoreLayout(dir.resolve("store")), options, BuildListener.NONE).build();
        Path passwords = dir.resolve("passwd");
        Files.writeString(passwords, "admin: s3cret\n");
        server = NewsServer.start(new ServerOptions(dir.resolve("store"), "127.0.0.1", 0, IriMinter.DEFAULT_BASE, 2,
                passwords, false, false, null, 1024 * 1024, 8 << 20));
        http = new HttpClientSupport(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static ResultSet results(HttpResponse<String> response, Lang lang) {
        return ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), lang);
    }

    private static Graph graph(HttpResponse<String> response, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), lang).parse(g);
        return g;
    }

    private static final String COUNT_ITEMS = "PREFIX schema: <https://schema.org/> "
            + "SELECT (COUNT(DISTINCT ?i) AS ?n) { ?i a schema:CreativeWork }";

    @Test
    void queryAnswersInJsonCsvAndXmlOverTheUnionGraph() throws Exception {
        HttpResponse<String> json = http.query(COUNT_ITEMS, "application/sparql-results+json");
        assertEquals(200, json.statusCode());
        // 4 items of the seeds, the hostile one and the one its related list names.
        assertEquals(6, results(json, ResultSetLang.RS_JSON).next().getLiteral("n").getInt());

        HttpResponse<String> csv = http.query(COUNT_ITEMS, "text/csv");
        assertEquals(200, csv.statusCode());
        assertEquals("n\r\n6\r\n", csv.body());

        HttpResponse<String> xml = http.get("/news/sparql?query=" + java.net.URLEncoder.encode(COUNT_ITEMS,
                StandardCharsets.UTF_8), "application/sparql-results+xml");
        assertEquals(200, xml.statusCode());
        assertEquals(6, results(xml, ResultSetLang.RS_XML).next().getLiteral("n").getInt());
    }

    @Test
    void graphStoreProtocolReadsOneNamedGraph() throws Exception {
        Node g = IRIS.graph("corpus", "hostile.md");
        HttpResponse<String> response = http.get("/news?graph=" + java.net.URLEncoder.encode(g.getURI(),
                StandardCharsets.UTF_8), "application/n-triples");
        assertEquals(200, response.statusCode());
        Graph graph = graph(response, Lang.NTRIPLES);
        Node item = IRIS.item(WebUrl.parse(HOSTILE_URL).key());
        assertTrue(graph.contains(item, Vocab.SCHEMA_HEADLINE, NodeFactory.createLiteralString(HOSTILE_TITLE)));
        assertFalse(graph.contains(Node.ANY, Vocab.SCHEMA_HEADLINE,
                NodeFactory.createLiteralString("A World Divided Over Artificial Intelligence")));
    }

    @Test
    void uiPingAndSampleQueryPagesAnswer() throws Exception {
        HttpResponse<String> ui = http.get("/ui/", "text/html");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("<title>Apache Jena Fuseki UI</title>"), ui.body());
        assertEquals(200, http.get("/$/ping", null).statusCode());
        HttpResponse<String> datasets = http.get("/$/server", "application/json");
        assertEquals(200, datasets.statusCode());
        assertTrue(datasets.body().contains("\"/news\""), datasets.body());
        HttpResponse<String> samples = http.get("/queries", "text/html");
        assertEquals(200, samples.statusCode());
        assertTrue(samples.body().contains("Providers ranked by items"), samples.body());
        assertTrue(samples.body().contains("href=\"/ui/#/dataset/news/query?query=%23%20Providers%20ranked%20by%20items"),
                samples.body());
        HttpResponse<String> run = http.get("/queries/02-providers-ranked-by-items", "text/html");
        assertEquals(200, run.statusCode());
        assertTrue(run.body().contains("Foreign Affairs"), run.body());
        // Every node in the results links to its page on this server, by its label.
        assertTrue(run.body().contains("<a href=\"/id/provider/foreignaffairs.com\" title=\""
                + IriMinter.DEFAULT_BASE + "provider/foreignaffairs.com\">Foreign Affairs</a>"), run.body());
        assertEquals(404, http.get("/queries/no-such-query", "text/html").statusCode());
    }

    @Test
    void fullTextSearchFindsHeadlinesAndDescriptions() throws Exception {
        String q = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query \"%s\" }";
        HttpResponse<String> byDescription = http.query(q.formatted("volcanologists"), "text/csv");
        assertEquals("s\r\n" + IRIS.item(WebUrl.parse(HOSTILE_URL).key()).getURI() + "\r\n", byDescription.body());
        HttpResponse<String> byHeadline = http.query(q.formatted("communique"), "text/csv");
        assertEquals(200, byHeadline.statusCode());
        assertEquals(List.of("s", IRIS.item(WebUrl.parse(
                "https://www.foreignaffairs.com/united-states/world-divided-over-artificial-intelligence").key()).getURI()),
                byHeadline.body().lines().toList());
    }

    @Test
    void entityIrisDereferenceWithContentNegotiation() throws Exception {
        Node item = IRIS.item(WebUrl.parse(HOSTILE_URL).key());
        String path = item.getURI().substring("http://localhost:3030".length());
        Node headline = NodeFactory.createLiteralString(HOSTILE_TITLE);

        HttpResponse<String> turtle = http.get(path, "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(graph(turtle, Lang.TURTLE).contains(item, Vocab.SCHEMA_HEADLINE, headline));

        HttpResponse<String> jsonld = http.get(path, "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertTrue(graph(jsonld, Lang.JSONLD).contains(item, Vocab.SCHEMA_HEADLINE, headline));

        HttpResponse<String> nt = http.get(path + "?format=ntriples", null);
        assertTrue(graph(nt, Lang.NTRIPLES).contains(item, Vocab.TYPE, Vocab.SCHEMA_VIDEO_OBJECT));

        HttpResponse<String> html = http.get(path, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(html.body().contains("<script>alert"), "unescaped title in page");
        assertTrue(html.body().contains("&lt;script&gt;alert('x')&lt;/script&gt; Breaking &amp; entering"), html.body());
        assertFalse(html.body().contains("<iframe"), "featured content must be shown as text");
        assertFalse(html.body().contains("href=\"javascript:"), "source URLs never become script links");
        assertTrue(html.body().contains(">javascript:alert(1)<"), html.body());

        // A provider page links to what points at it.
        Node provider = IRIS.provider("foreignaffairs.com");
        HttpResponse<String> page = http.get(provider.getURI().substring("http://localhost:3030".length()), "text/html");
        assertTrue(page.body().contains(">A World Divided Over Artificial Intelligence</a>"), page.body());
        assertEquals(404, http.get("/id/item/0000", "text/turtle").statusCode());
    }

    @Test
    void aSnapshotsPageShowsWhatTheEntrySaidAndTheItemItIsOf() throws Exception {
        Node target = IRIS.item(WebUrl.parse("https://quake.example/a").key());
        HttpResponse<String> found = http.query("PREFIX ng: <https://w3id.org/newsgraph/vocab#> SELECT ?s { ?s ng:snapshotOf <"
                + target.getURI() + "> }", "text/csv");
        assertEquals(200, found.statusCode());
        String snapshot = found.body().lines().skip(1).findFirst().orElseThrow().strip();
        assertTrue(snapshot.startsWith("http://localhost:3030/id/snapshot/"), found.body());
        HttpResponse<String> page = http.get(snapshot.substring("http://localhost:3030".length()), "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Aftershock</h1>"), page.body());
        // Its extra field is part of it: shown as key and value, not as a link to a fragment.
        assertTrue(page.body().contains("<div>mood: tense</div>"), page.body());
        HttpResponse<String> turtle = http.get(snapshot.substring("http://localhost:3030".length()), "text/turtle");
        assertTrue(graph(turtle, Lang.TURTLE).contains(NodeFactory.createURI(snapshot + "#extra-1"), Vocab.VALUE,
                NodeFactory.createLiteralString("tense")), turtle.body());
    }

    @Test
    void relatedEntriesHaveASectionOnTheirFilesPage() throws Exception {
        Node graph = IRIS.graph("corpus", "000_64b57fa6954c0aa0.txt");
        String path = graph.getURI().substring("http://localhost:3030".length());
        HttpResponse<String> html = http.get(path, "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("<section id=\"related\">"), html.body());
        assertTrue(html.body().contains("Meta sues former executive over alleged AI theft"), html.body());
        assertTrue(html.body().startsWith("<!doctype html>"), html.body());
        HttpResponse<String> turtle = http.get(path, "text/turtle");
        Graph rdf = graph(turtle, Lang.TURTLE);
        Node list = IriMinter.local(graph, "related");
        Node first = rdf.find(list, RDF.li(1).asNode(), Node.ANY).next().getObject();
        assertTrue(rdf.contains(first, Vocab.LABEL,
                NodeFactory.createLiteralString("Meta sues former executive over alleged AI theft")));
    }

    @Test
    void theDatasetDescriptionIsAtTheWellKnownPlace() throws Exception {
        HttpResponse<String> turtle = http.get("/.well-known/void", null);
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph description = graph(turtle, Lang.TURTLE);
        assertTrue(description.contains(IRIS.dataset(), Vocab.TYPE, Vocab.VOID_DATASET));
        // Where this server answers, not the build's localhost:3030.
        assertTrue(description.contains(IRIS.dataset(), Vocab.VOID_SPARQL_ENDPOINT,
                NodeFactory.createURI("http://127.0.0.1:" + server.port() + "/news/sparql")));
        HttpResponse<String> jsonld = http.get("/.well-known/void", "application/ld+json");
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertTrue(graph(jsonld, Lang.JSONLD).isIsomorphicWith(description));
        assertEquals(200, http.get("/.well-known/void?format=ntriples", null).statusCode());
    }

    @Test
    void updatesNeedCredentials() throws Exception {
        String insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <https://schema.org/name> \"added\" } }";
        assertEquals(401, http.update(insert, null, null).statusCode());
        assertEquals(401, http.update(insert, "admin", "wrong").statusCode());
        assertEquals(200, http.update(insert, "admin", "s3cret").statusCode());
        HttpResponse<String> check = http.query("ASK { <urn:test:s> ?p \"added\" }", "text/csv");
        assertEquals("_askResult\r\ntrue\r\n", check.body());
        // Reads stay anonymous.
        assertEquals(200, http.query("ASK {}", "text/csv").statusCode());
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndThePagesTheirPolicy() throws Exception {
        for (String path : List.of("/", "/queries", "/queries/02-providers-ranked-by-items", "/id/provider/foreignaffairs.com",
                "/.well-known/void", "/news/sparql?query=ASK%7B%7D", "/$/ping", "/id/item/0000")) {
            HttpResponse<String> r = http.get(path, "text/html");
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        String policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: http:; base-uri 'none'; form-action 'self';"
                + " frame-ancestors 'none'";
        for (String path : List.of("/", "/search?q=AI", "/queries", "/queries/02-providers-ranked-by-items",
                "/id/provider/foreignaffairs.com", "/id/topic/ai")) {
            HttpResponse<String> page = http.get(path, "text/html");
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertEquals(policy, page.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertFalse(page.body().contains("<script"), path + " has a script");
        }
        // Fuseki's UI: its own scripts from this server only, none inline.
        String ui = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'";
        for (String path : List.of("/ui/", "/ui/index.html")) {
            HttpResponse<String> page = http.get(path, "text/html");
            assertEquals(200, page.statusCode(), path);
            assertEquals(ui, page.headers().firstValue("Content-Security-Policy").orElse(null), path);
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page.body());
            assertFalse(doc.select("script").isEmpty(), path);
            for (org.jsoup.nodes.Element script : doc.select("script")) {
                assertTrue(script.hasAttr("src") && script.data().isBlank(), path + ": inline script " + script);
                assertTrue(script.attr("src").startsWith("./"), path + ": script from elsewhere " + script);
            }
        }
    }

    @Test
    void browserToolsElsewhereMayReadButNotWrite() throws Exception {
        String origin = "https://example.org";
        for (String path : List.of("/news/sparql?query=ASK%7B%7D", "/id/provider/foreignaffairs.com", "/.well-known/void")) {
            HttpResponse<String> r = http.send("GET", path, "Origin", origin);
            assertEquals(200, r.statusCode(), path);
            assertEquals(origin, r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            assertEquals(List.of(), r.headers().allValues("Access-Control-Allow-Credentials"), path);
        }
        // curl -I: a HEAD of a query has the headers of its GET (Fuseki alone answers 405) and no body.
        for (String path : List.of("/news/sparql?query=ASK%7B%7D", "/id/provider/foreignaffairs.com")) {
            HttpResponse<String> head = http.send("HEAD", path, "Origin", origin, "Accept", "application/sparql-results+json");
            assertEquals(200, head.statusCode(), path);
            assertEquals(origin, head.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            assertEquals("", head.body(), path);
        }
        assertTrue(http.send("HEAD", "/news/sparql?query=ASK%7B%7D", "Accept", "application/sparql-results+json").headers()
                .firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        HttpResponse<String> preflight = http.send("OPTIONS", "/news/sparql", "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertEquals(200, preflight.statusCode());
        assertEquals(origin, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        // A write needs credentials, which a page elsewhere may not send: its preflight gets no allowance.
        HttpResponse<String> write = http.send("OPTIONS", "/news/update", "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
        assertEquals(List.of(), write.headers().allValues("Access-Control-Allow-Origin"));
        assertEquals(List.of(), write.headers().allValues("Access-Control-Allow-Headers"));
        assertEquals(401, http.update("INSERT DATA { <urn:s> <urn:p> <urn:o> }", null, null).statusCode());
    }

    @Test
    void theEndpointDescribesItselfAndTheVoidNamesWhereItAnswers() throws Exception {
        String here = "http://127.0.0.1:" + server.port();
        HttpResponse<String> sd = http.get("/news/sparql", "text/turtle");
        assertEquals(200, sd.statusCode());
        Graph g = graph(sd, Lang.TURTLE);
        Node service = NodeFactory.createURI(here + "/news/sparql");
        String sdNs = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(g.contains(service, RDF.type.asNode(), NodeFactory.createURI(sdNs + "Service")), sd.body());
        assertTrue(g.contains(service, NodeFactory.createURI(sdNs + "endpoint"), service));
        assertTrue(g.contains(service, NodeFactory.createURI(sdNs + "supportedLanguage"), NodeFactory.createURI(sdNs + "SPARQL11Query")));
        assertTrue(g.contains(service, NodeFactory.createURI(sdNs + "feature"), NodeFactory.createURI(sdNs + "UnionDefaultGraph")));
        assertTrue(g.contains(Node.ANY, org.apache.jena.vocabulary.RDFS.seeAlso.asNode(), NodeFactory.createURI(here + "/.well-known/void")));
        // With a query, it is a query.
        assertEquals("_askResult\r\ntrue\r\n", http.get("/news/sparql?query=ASK%7B%7D", "text/csv").body());
        Graph voidGraph = graph(http.get("/.well-known/void", "text/turtle"), Lang.TURTLE);
        assertTrue(voidGraph.contains(Node.ANY, Vocab.VOID_SPARQL_ENDPOINT, service));
        assertTrue(voidGraph.contains(Node.ANY, Vocab.VOID_DATA_DUMP, NodeFactory.createURI(here + "/news?default")));
        assertFalse(voidGraph.contains(Node.ANY, Vocab.VOID_SPARQL_ENDPOINT, NodeFactory.createURI("http://localhost:3030/news/sparql")));
    }

    @Test
    void aBodyWithoutALengthIsHeldToTheLimitToo() throws Exception {
        // The server takes 1 MiB: a chunked update of 2 MiB gets 413, as one with a length does.
        StringBuilder big = new StringBuilder("INSERT DATA { GRAPH <urn:test:chunked> {");
        while (big.length() < 2 << 20) {
            big.append(" <urn:s> <urn:p> \"").append("x".repeat(1000)).append("\" .");
        }
        big.append(" } }");
        HttpResponse<String> over = http.chunked("POST", "/news/update", "application/sparql-update",
                big.toString().getBytes(StandardCharsets.UTF_8), "admin:s3cret");
        assertEquals(413, over.statusCode(), over.body());
        // Under the limit, a chunked body goes through whole.
        HttpResponse<String> small = http.chunked("POST", "/news/update", "application/sparql-update",
                "INSERT DATA { GRAPH <urn:test:chunked> { <urn:s> <urn:p> \"small\" } }".getBytes(StandardCharsets.UTF_8),
                "admin:s3cret");
        assertEquals(204, small.statusCode(), small.body());
        assertEquals("_askResult\r\ntrue\r\n", http.query("ASK { GRAPH <urn:test:chunked> { <urn:s> <urn:p> \"small\" } }",
                "text/csv").body());
        assertEquals(200, http.chunked("PUT", "/news/data?graph=urn:test:chunked", "application/n-triples",
                "<urn:s> <urn:p> \"put\" .\n".getBytes(StandardCharsets.UTF_8), "admin:s3cret").statusCode());
        assertEquals("_askResult\r\ntrue\r\n", http.query("ASK { GRAPH <urn:test:chunked> { <urn:s> <urn:p> \"put\" } }",
                "text/csv").body());
        http.update("DROP GRAPH <urn:test:chunked>", "admin", "s3cret");
    }

    @Test
    void loadAndServiceAreRefused() throws Exception {
        HttpResponse<String> load = http.update("LOAD <file:///etc/passwd> INTO GRAPH <urn:test:passwd>", "admin", "s3cret");
        assertEquals(403, load.statusCode());
        assertFalse(load.body().contains("root:"));
        assertEquals("_askResult\r\nfalse\r\n", http.query("ASK { GRAPH <urn:test:passwd> { ?s ?p ?o } }", "text/csv").body());

        HttpResponse<String> service = http.query("SELECT * { SERVICE <http://127.0.0.1:" + server.port()
                + "/news/sparql> { ?s ?p ?o } } LIMIT 1", "text/csv");
        assertEquals(422, service.statusCode());
        assertFalse(service.body().contains("\tat "), "no stack traces in responses");

        // In an update too, by a user allowed to update.
        HttpResponse<String> serviceUpdate = http.update("INSERT { GRAPH <urn:test:copy> { ?s ?p ?o } } WHERE { SERVICE <http://127.0.0.1:"
                + server.port() + "/news/sparql> { ?s ?p ?o } }", "admin", "s3cret");
        assertEquals(422, serviceUpdate.statusCode());
        assertTrue(serviceUpdate.body().contains("SERVICE is not allowed on this server"), serviceUpdate.body());
        assertEquals("_askResult\r\nfalse\r\n", http.query("ASK { GRAPH <urn:test:copy> { ?s ?p ?o } }", "text/csv").body());
    }

    @Test
    void expensiveQueriesAreCutByTheTimeoutAndTheServerStaysHealthy() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> slow = http.query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                "text/csv");
        Duration took = Duration.between(start, Instant.now());
        assertEquals(503, slow.statusCode());
        assertTrue(took.toSeconds() < 20, "timeout of 2 s took " + took);
        assertEquals(200, http.query(COUNT_ITEMS, "text/csv").statusCode());
        assertEquals(200, http.get("/$/ping", null).statusCode());
    }

    /** Rows keep coming (slowly) for longer than the 2 s timeout: Fuseki alone answered 200 and cut the JSON. */
    static final String STREAMS_PAST_THE_TIMEOUT = "SELECT ?a { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c = ?i) }";

    @Test
    void aQueryTimingOutWhileItsRowsStreamIsAnErrorNotACutResult() throws Exception {
        HttpResponse<String> cut = http.query(STREAMS_PAST_THE_TIMEOUT, "application/sparql-results+json");
        assertEquals(503, cut.statusCode(), () -> cut.body().length() + " bytes: " + tail(cut.body()));
        assertEquals("Query timed out\n", cut.body());
        // What a SPARQL client makes of it: an error with the status, not rows.
        QueryExceptionHTTP e = org.junit.jupiter.api.Assertions.assertThrows(QueryExceptionHTTP.class, () -> {
            try (QueryExecHTTP exec = QueryExecHTTP.service("http://127.0.0.1:" + server.port() + "/news/sparql")
                    .query(STREAMS_PAST_THE_TIMEOUT).acceptHeader("application/sparql-results+json").build()) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    rows.next();
                }
            }
        });
        assertEquals(503, e.getStatusCode());
    }

    @Test
    void aLargeResultThatFinishesInTimeArrivesWhole() throws Exception {
        // Megabytes of JSON, far beyond Jetty's output buffer, read back from the spool file whole.
        HttpResponse<String> whole = http.query("SELECT ?a ?d { ?a ?b ?c . ?d ?e ?f } LIMIT 20000",
                "application/sparql-results+json");
        assertEquals(200, whole.statusCode());
        assertTrue(whole.body().length() > 1_000_000, "bytes: " + whole.body().length());
        JsonObject json = JSON.parse(whole.body());
        assertEquals(20_000, json.get("results").getAsObject().get("bindings").getAsArray().size());
    }

    @Test
    void aResultLargerThanMaxResultIsRefusedBeforeAnyOfItIsSent() throws Exception {
        HttpResponse<String> rows = http.query("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "application/sparql-results+json");
        assertEquals(503, rows.statusCode());
        assertEquals("The result is larger than this server sends (8 MiB, serve --max-result): narrow the query or add a LIMIT\n",
                rows.body());
        // CONSTRUCT results are held in memory: at most 8 MiB / 256 triples.
        HttpResponse<String> graph = http.query("CONSTRUCT { ?a ?b ?d } { ?a ?b ?c . ?d ?e ?f }", "application/n-triples");
        assertEquals(503, graph.statusCode());
        assertTrue(graph.body().startsWith("The result is larger than this server sends"), graph.body());
        HttpResponse<String> small = http.query("CONSTRUCT { ?a ?b ?c } { ?a ?b ?c } LIMIT 10", "application/n-triples");
        assertEquals(200, small.statusCode());
        assertEquals(10, graph(small, Lang.NTRIPLES).size());
        assertEquals(200, http.get("/$/ping", null).statusCode());
    }

    private static String tail(String body) {
        return body.substring(Math.max(0, body.length() - 200));
    }

    @Test
    void requestBodiesAreLimited() throws Exception {
        assertEquals(413, http.statusForAnnouncedBody("/news/sparql", 2 * 1024 * 1024));
        assertEquals(413, http.statusForAnnouncedBody("/news/update", 2 * 1024 * 1024));
        // Under the limit, a body goes through.
        byte[] small = "ASK {}".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, http.postBody("/news/sparql", "application/sparql-query", small).statusCode());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals(List.of("127.0.0.1"), server.hosts());
    }

    static String print(ResultSet rs) {
        return ResultSetFormatter.asText(rs);
    }
}
