package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.WebUrl;

/**
 * {@code /neighbourhood.json} and {@code /neighbourhood}: item A relates to B and C, D relates to
 * A; A, B, D and a hostile item H are published by news.example, C by other.example; A is about
 * Cloud and Security, B about Cloud, D about Security, both narrower than Tech. Related entries
 * name providers too, so snapshots point at them (and must not be drawn).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodTest {

    static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    static final String A = item("https://news.example/a");
    static final String B = item("https://news.example/b");
    static final String C = item("https://other.example/c");
    static final String D = item("https://news.example/d");
    static final String H = item("https://news.example/h");
    static final String NEWS = IRIS.provider("news.example").getURI();
    static final String OTHER = IRIS.provider("other.example").getURI();
    static final String CLOUD = IRIS.topic("Cloud").getURI();
    static final String SECURITY = IRIS.topic("Security").getURI();
    static final String TECH = IRIS.topic("Tech").getURI();

    NewsServer server;
    HttpClientSupport http;

    static String item(String url) {
        return IRIS.item(WebUrl.parse(url).key()).getURI();
    }

    static String news(String title, String url, String date, String domain, String extra) {
        return "---\ntitle: \"" + title + "\"\nwebUrl: " + url + "\npublishedDateTime: " + date
                + "\nprovider:\n  name: " + domain + "\n  domain: " + domain + "\n" + extra + "---\n";
    }

    static String related(String title, String url, String date, String domain) {
        return "  - title: \"" + title + "\"\n    webUrl: " + url + "\n    publishedDateTime: " + date
                + "\n    provider: {name: " + domain + ", domain: " + domain + "}\n";
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path news = Files.createDirectories(dir.resolve("corpus/_news"));
        Path topics = Files.createDirectories(dir.resolve("corpus/_data/topics"));
        Files.writeString(news.resolve("a.md"), news("Alpha", "https://news.example/a", "2024-05-10T08:00:00Z",
                "news.example", "topics:\n  - Cloud\n  - Security\nrelated:\n"
                        + related("Beta", "https://news.example/b", "2024-05-09T08:00:00Z", "news.example")
                        + related("Gamma", "https://other.example/c", "2024-05-08T08:00:00Z", "other.example")));
        Files.writeString(news.resolve("b.md"), news("Beta", "https://news.example/b", "2024-05-09T08:00:00Z",
                "news.example", "topics:\n  - Cloud\n"));
        Files.writeString(news.resolve("c.md"), news("Gamma", "https://other.example/c", "2024-05-08T08:00:00Z",
                "other.example", ""));
        Files.writeString(news.resolve("d.md"), news("Delta", "https://news.example/d", "2024-05-07T08:00:00Z",
                "news.example", "topics:\n  - Security\nrelated:\n"
                        + related("Alpha", "https://news.example/a", "2024-05-10T08:00:00Z", "news.example")));
        Files.writeString(news.resolve("h.md"), news(HOSTILE, "https://news.example/h", "2024-05-01T08:00:00Z",
                "news.example", ""));
        Files.writeString(topics.resolve("00-tech.yaml"), "taxonomy: topic\n_id: tech\nname: Tech\n");
        Files.writeString(topics.resolve("01-cloud.yaml"), "taxonomy: topic\n_id: cloud\nname: Cloud\nparent: Tech\n");
        Files.writeString(topics.resolve("02-security.yaml"), "taxonomy: topic\n_id: security\nname: Security\nparent: Tech\n");
        server = TestServers.buildAndServe(dir.resolve("corpus"), dir.resolve("store"));
        http = new HttpClientSupport(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonObject json(String query, int status) throws Exception {
        HttpResponse<String> r = http.get("/neighbourhood.json?" + query, "application/json");
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        return JSON.parse(r.body());
    }

    /** The nodes of an answer: id to kind. */
    private static Map<String, String> kinds(JsonObject o) {
        Map<String, String> m = new HashMap<>();
        o.getArray("nodes").forEach(n -> m.put(n.getAsObject().getString("id"), n.getAsObject().getString("kind")));
        return m;
    }

    private static JsonObject node(JsonObject o, String id) {
        return o.getArray("nodes").map(JsonValue::getAsObject).filter(n -> n.getString("id").equals(id)).findFirst()
                .orElseThrow();
    }

    /** The edges of an answer, as "source kind target". */
    private static Set<String> edges(JsonObject o) {
        Set<String> s = new HashSet<>();
        o.getArray("edges").map(JsonValue::getAsObject)
                .forEach(e -> assertTrue(s.add(e.getString("source") + " " + e.getString("kind") + " " + e.getString("target")),
                        "edge twice: " + e));
        return s;
    }

    private static String e(String source, String kind, String target) {
        return source + " " + kind + " " + target;
    }

    @Test
    void depthOneIsTheNodeAndWhatItLinksWithBothWays() throws Exception {
        JsonObject o = json("node=" + enc(A) + "&depth=1", 200);
        assertEquals(A, o.getString("node"));
        assertEquals(1, o.getNumber("depth").intValue());
        assertFalse(o.getBoolean("truncated"));
        assertEquals(Map.of(A, "item", NEWS, "provider", CLOUD, "topic", SECURITY, "topic", B, "item", C, "item",
                D, "item"), kinds(o));
        assertEquals(Set.of(e(A, "publisher", NEWS), e(A, "about", CLOUD), e(A, "about", SECURITY),
                e(A, "related", B), e(A, "related", C), e(D, "related", A)), edges(o));
        // The start first; providers and topics before items; items newest first.
        assertEquals(List.of(A, NEWS, CLOUD, SECURITY, B, C, D),
                o.getArray("nodes").map(n -> n.getAsObject().getString("id")).toList());
        JsonObject a = node(o, A);
        assertEquals("Alpha", a.getString("label"));
        assertEquals("/id/item/" + A.substring(A.lastIndexOf('/') + 1), a.getString("href"));
        assertEquals("2024-05-10T08:00:00Z", a.getString("date"));
        assertEquals(0, a.getNumber("step").intValue());
        assertFalse(a.hasKey("more"));
        JsonObject news = node(o, NEWS);
        assertEquals("news.example", news.getString("label"));
        assertEquals("/id/provider/news.example", news.getString("href"));
        assertFalse(news.hasKey("date"));
        assertEquals(1, news.getNumber("step").intValue());
        assertEquals("Cloud", node(o, CLOUD).getString("label"));
    }

    @Test
    void depthTwoAddsTheNeighboursOfNeighboursAndTheirEdgesToWhatIsDrawn() throws Exception {
        JsonObject o = json("node=" + enc(A), 200);
        assertEquals(2, o.getNumber("depth").intValue());
        assertFalse(o.getBoolean("truncated"));
        assertEquals(Map.of(A, "item", NEWS, "provider", CLOUD, "topic", SECURITY, "topic", B, "item", C, "item",
                D, "item", H, "item", TECH, "topic", OTHER, "provider"), kinds(o));
        assertEquals(Set.of(e(A, "publisher", NEWS), e(A, "about", CLOUD), e(A, "about", SECURITY),
                e(A, "related", B), e(A, "related", C), e(D, "related", A),
                e(B, "publisher", NEWS), e(D, "publisher", NEWS), e(H, "publisher", NEWS),
                e(B, "about", CLOUD), e(D, "about", SECURITY), e(CLOUD, "broader", TECH), e(SECURITY, "broader", TECH),
                e(C, "publisher", OTHER)), edges(o));
        assertEquals(2, node(o, TECH).getNumber("step").intValue());
        assertEquals(2, node(o, H).getNumber("step").intValue());
    }

    @Test
    void aTopicReachesItsItemsAndTheTopicsAboveAndBelow() throws Exception {
        JsonObject o = json("node=" + enc(TECH) + "&depth=1", 200);
        assertEquals(Map.of(TECH, "topic", CLOUD, "topic", SECURITY, "topic"), kinds(o));
        assertEquals(Set.of(e(CLOUD, "broader", TECH), e(SECURITY, "broader", TECH)), edges(o));
        JsonObject p = json("node=" + enc(OTHER) + "&depth=1", 200);
        assertEquals(Map.of(OTHER, "provider", C, "item"), kinds(p));
        assertEquals(Set.of(e(C, "publisher", OTHER)), edges(p));
    }

    @Test
    void capsCutTheViewAndSaySo() {
        DatasetGraph dsg = server.dataset();
        Node a = IRIS.item(WebUrl.parse("https://news.example/a").key());
        Neighbourhood perNode = new Neighbourhood(2, 300);
        Neighbourhood.View v = Txn.calculateRead(dsg, () -> perNode.of(dsg, a, 1));
        assertTrue(v.truncated());
        // Providers and topics first, by IRI: news.example and Cloud; Security, B, C and D are left out.
        assertEquals(List.of(A, NEWS, CLOUD), v.nodes().stream().map(Neighbourhood.Vertex::id).toList());
        assertEquals(4, v.nodes().get(0).more());
        JsonObject o = JSON.parse(new NeighbourhoodServlet(() -> dsg, new LinkRewriter(IriMinter.DEFAULT_BASE), perNode)
                .json(v));
        assertTrue(o.getBoolean("truncated"));
        assertEquals(4, node(o, A).getNumber("more").intValue());
        assertEquals(2, o.getObj("limits").getNumber("perNode").intValue());

        Neighbourhood total = new Neighbourhood(30, 5);
        Neighbourhood.View t = Txn.calculateRead(dsg, () -> total.of(dsg, a, 2));
        assertTrue(t.truncated());
        assertEquals(List.of(A, NEWS, CLOUD, SECURITY, B), t.nodes().stream().map(Neighbourhood.Vertex::id).toList());
        assertEquals(2, t.nodes().get(0).more());
        // Expanded at the second step with no room left: news.example could not add D and H.
        assertEquals(2, t.nodes().get(1).more());
        Neighbourhood.View all = Txn.calculateRead(dsg, () -> new Neighbourhood(30, 10).of(dsg, a, 2));
        assertFalse(all.truncated());
        assertEquals(10, all.nodes().size());
    }

    @Test
    void lookupsScansAndTheSortedListsGiveTheSameView() {
        DatasetGraph dsg = server.dataset();
        Neighbourhood lookups = new Neighbourhood(30, 300, Integer.MAX_VALUE, 0);
        Neighbourhood scans = new Neighbourhood(30, 300, 1, 1000);
        Neighbourhood scansOverBudget = new Neighbourhood(30, 300, 1, 0);
        Neighbourhood sortedLists = new Neighbourhood(new NewsLists(new org.newsgraph.mapping.IriMinter(
                org.newsgraph.mapping.IriMinter.DEFAULT_BASE)));
        for (String iri : List.of(A, B, C, D, H, NEWS, OTHER, CLOUD, SECURITY, TECH)) {
            Node n = org.apache.jena.graph.NodeFactory.createURI(iri);
            for (int depth = 1; depth <= 2; depth++) {
                int d = depth;
                Neighbourhood.View expected = Txn.calculateRead(dsg, () -> lookups.of(dsg, n, d));
                assertEquals(expected, Txn.calculateRead(dsg, () -> scans.of(dsg, n, d)), iri);
                assertEquals(expected, Txn.calculateRead(dsg, () -> scansOverBudget.of(dsg, n, d)), iri);
                assertEquals(expected, Txn.calculateRead(dsg, () -> sortedLists.of(dsg, n, d)), iri);
            }
        }
        // The related entries' snapshots name news.example as publisher too, and are not drawn.
        assertTrue(Txn.calculateRead(dsg, () -> org.apache.jena.atlas.iterator.Iter.anyMatch(dsg.find(Node.ANY, Node.ANY,
                org.newsgraph.mapping.Vocab.SCHEMA_PUBLISHER, org.apache.jena.graph.NodeFactory.createURI(NEWS)),
                q -> q.getSubject().getURI().contains("/snapshot/"))));
    }

    @Test
    void aHostileLabelIsAPlainJsonString() throws Exception {
        HttpResponse<String> r = http.get("/neighbourhood.json?depth=1&node=" + enc(H), null);
        assertEquals(200, r.statusCode());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(HOSTILE, node(JSON.parse(r.body()), H).getString("label"));
        StringBuilder b = new StringBuilder();
        NeighbourhoodServlet.string(b, "q\"b\\n\n\u0001\u2028é");
        assertEquals("\"q\\\"b\\\\n\\n\\u0001\\u2028é\"", b.toString());
        assertEquals("q\"b\\n\n\u0001\u2028é", JSON.parseAny(b.toString()).getAsString().value());
    }

    @Test
    void badRequestsAre400AndUnknownNodes404WithAMessage() throws Exception {
        assertEquals("give the node: node=IRI of an item, provider or topic", json("depth=1", 400).getString("error"));
        assertEquals("give the node: node=IRI of an item, provider or topic", json("node=", 400).getString("error"));
        assertEquals("node is not an absolute IRI: item/123", json("node=item/123", 400).getString("error"));
        assertEquals("node is not an IRI: http://a b", json("node=" + enc("http://a b"), 400).getString("error"));
        assertEquals("depth must be 1 or 2, not '3'", json("node=" + enc(A) + "&depth=3", 400).getString("error"));
        String unknown = IriMinter.DEFAULT_BASE + "item/nothing";
        assertEquals("nothing is known of " + unknown, json("node=" + enc(unknown), 404).getString("error"));
        String graph = IRIS.graph("corpus", "_news/a.md").getURI();
        assertEquals(graph + " is not an item, provider or topic: it has no neighbourhood to draw",
                json("node=" + enc(graph), 404).getString("error"));
    }

    private Document page(String query, int status) throws Exception {
        HttpResponse<String> r = http.get("/neighbourhood?" + query, "text/html");
        assertEquals(status, r.statusCode(), r.body());
        return Jsoup.parse(r.body());
    }

    @Test
    void thePageHasItsPolicyNoInlineScriptAndTheHooksOfTheBrowserTests() throws Exception {
        HttpResponse<String> r = http.get("/neighbourhood?node=" + enc(H), "text/html");
        assertEquals(200, r.statusCode());
        assertEquals("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                r.headers().firstValue("Content-Security-Policy").orElse(null));
        Document doc = Jsoup.parse(r.body());
        List<String> scripts = doc.select("script").eachAttr("src");
        assertEquals(List.of("/webjars/cytoscape/3.33.1/cytoscape.min.js", "/assets/neighbourhood.js"), scripts);
        for (Element s : doc.select("script")) {
            assertTrue(s.data().isEmpty(), "inline script: " + s);
        }
        for (Element el : doc.getAllElements()) {
            for (Attribute at : el.attributes()) {
                assertFalse(at.getKey().toLowerCase().startsWith("on"), "inline handler: " + el);
            }
        }
        assertTrue(doc.select("img").isEmpty(), r.body());
        assertEquals("Neighbourhood of " + HOSTILE, doc.selectFirst("h1").text());
        Element graph = doc.getElementById("graph");
        assertNotNull(graph);
        assertEquals(H, graph.attr("data-node"));
        assertEquals("/neighbourhood.json", graph.attr("data-source"));
        assertEquals("loading", graph.attr("data-state"));
        assertEquals(List.of("this node", "item", "provider", "topic"), doc.select(".legend li:has(.swatch)").eachText());
    }

    @Test
    void thePageOfAnUnknownOrMissingNodeSaysWhy() throws Exception {
        assertEquals("give the node: node=IRI of an item, provider or topic", page("", 400).selectFirst("p.error").text());
        String unknown = IriMinter.DEFAULT_BASE + "topic/nothing";
        HttpResponse<String> r = http.get("/neighbourhood?node=" + enc(unknown), "text/html");
        assertEquals(404, r.statusCode());
        assertEquals("nothing is known of " + unknown, Jsoup.parse(r.body()).selectFirst("p.error").text());
        assertEquals(HtmlPage.CONTENT_SECURITY_POLICY, r.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    @Test
    void theScriptsAreServedFromTheJarWithTheirTypeAndCaching() throws Exception {
        HttpResponse<String> lib = http.get("/webjars/cytoscape/3.33.1/cytoscape.min.js", null);
        assertEquals(200, lib.statusCode());
        assertEquals("text/javascript; charset=utf-8", lib.headers().firstValue("Content-Type").orElse(null));
        assertEquals("public, max-age=31536000, immutable", lib.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(lib.body().length() > 400_000, "cytoscape.min.js is " + lib.body().length() + " characters");
        HttpResponse<String> own = http.get("/assets/neighbourhood.js", null);
        assertEquals(200, own.statusCode());
        assertEquals("text/javascript; charset=utf-8", own.headers().firstValue("Content-Type").orElse(null));
        assertEquals("no-cache", own.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(own.body().contains("data-nodes"));
        assertFalse(own.body().contains("innerHTML"));
        String etag = own.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.send("GET", "/assets/neighbourhood.js", "If-None-Match", etag).statusCode());
        HttpResponse<String> css = http.get("/assets/neighbourhood.css", null);
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElse(null));
        assertEquals(404, http.get("/assets/../newsgraph/assets/neighbourhood.js", null).statusCode());
        assertEquals(404, http.get("/webjars/cytoscape/3.33.1/cytoscape.umd.js", null).statusCode());
    }

    @Test
    void nodePagesOfItemsProvidersAndTopicsLinkToTheirNeighbourhood() throws Exception {
        for (String iri : List.of(A, NEWS, CLOUD)) {
            String path = iri.substring(iri.indexOf("/id/"));
            Document doc = Jsoup.parse(http.get(path + "?format=html", null).body());
            Element link = doc.selectFirst("a:containsOwn(Neighbourhood)");
            assertNotNull(link, path);
            assertEquals("/neighbourhood?node=" + enc(iri), link.attr("href"));
        }
        String graph = IRIS.graph("corpus", "_news/a.md").getURI();
        Document doc = Jsoup.parse(http.get(graph.substring(graph.indexOf("/id/")) + "?format=html", null).body());
        assertNull(doc.selectFirst("a:containsOwn(Neighbourhood)"));
    }
}
