package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.jsoup.Jsoup;
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
 * The parameters of the sample queries at {@code /queries/NAME}: the form, values chosen in the
 * URL, values refused with a 400, and result cells, over a small corpus: four volcano items from
 * Lava Times, two glacier items from Ice Daily (one with a hostile headline), related links.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleQueryParametersTest {

    static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);
    static final String HOSTILE = "<script>alert(1)</script> Geyser";
    static final String GLACIERS = IriMinter.DEFAULT_BASE + "topic/glaciers";

    NewsServer server;
    HttpClientSupport http;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/_news"));
        for (int i = 1; i <= 4; i++) {
            // Item 1 lists 2 and 3 as related: the most related item, the default of query 07.
            String related = i != 1 ? "" : "related:\n  - title: \"Volcano report 2\"\n    webUrl: " + url("v2")
                    + "\n  - title: \"Volcano report 3\"\n    webUrl: " + url("v3") + "\n";
            item(corpus, "v" + i, "Volcano report " + i, "2024-05-0" + i + "T08:00:00Z", "Lava Times", "lavatimes.example",
                    "Volcanoes", related);
        }
        item(corpus, "g1", "Glacier retreat", "2024-06-01T09:30:00Z", "Ice Daily", "icedaily.example", "Glaciers", "");
        item(corpus, "g2", HOSTILE, "2024-06-02T10:00:00Z", "Ice Daily", "icedaily.example", "Glaciers",
                "related:\n  - title: \"Glacier retreat\"\n    webUrl: " + url("g1") + "\n");
        server = TestServers.buildAndServe(dir.resolve("corpus"), dir.resolve("store"));
        http = new HttpClientSupport(server.port());
    }

    private static void item(Path corpus, String id, String title, String date, String provider, String domain,
            String topic, String related) throws Exception {
        Files.writeString(corpus.resolve(id + ".md"), "---\ntitle: \"" + title + "\"\nwebUrl: " + url(id)
                + "\npublishedDateTime: " + date + "\nprovider:\n  name: " + provider + "\n  domain: " + domain
                + "\ntopics:\n  - " + topic + "\n" + related + "---\n");
    }

    private static String url(String id) {
        return "https://news.example/" + id;
    }

    private static String iri(String id) {
        return IRIS.item(WebUrl.parse(url(id)).key()).getURI();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String query, Map<String, String> parameters) throws Exception {
        String search = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.get("/queries/" + query + (search.isEmpty() ? "" : "?" + search), "text/html");
    }

    private Document page(String query, Map<String, String> parameters) throws Exception {
        HttpResponse<String> r = get(query, parameters);
        assertEquals(200, r.statusCode(), r.body());
        return Jsoup.parse(r.body());
    }

    /** The texts of one column of the result table. */
    private static List<String> column(Document doc, String var) {
        List<String> vars = doc.select("table.results th").eachText();
        int at = vars.indexOf(var);
        assertTrue(at >= 0, var + " not in " + vars);
        List<String> cells = new ArrayList<>();
        for (Element tr : doc.select("table.results tr:has(td)")) {
            cells.add(tr.select("td").get(at).text());
        }
        return cells;
    }

    @Test
    void theFormListsEachParameterWithItsChoicesAndDefault() throws Exception {
        Document topics = page("01-latest-items-on-a-topic", Map.of());
        Element topic = topics.selectFirst("form.params select[name=topic]");
        assertNotNull(topic, topics.outerHtml());
        assertEquals("get", topics.selectFirst("form.params").attr("method"));
        assertEquals("/queries/01-latest-items-on-a-topic", topics.selectFirst("form.params").attr("action"));
        assertEquals(List.of("Volcanoes (4 items)", "Glaciers (2 items)"), topic.select("option").eachText());
        assertEquals(List.of(IriMinter.DEFAULT_BASE + "topic/volcanoes", GLACIERS), topic.select("option").eachAttr("value"));
        assertEquals(List.of("Volcanoes (4 items)"), topic.select("option[selected]").eachText());
        assertEquals("Topic", topics.selectFirst("form.params label[for=parameter-topic]").text());
        assertEquals("the topic; by default the most used one.", topics.selectFirst("form.params .muted").text());

        Element provider = page("03-topics-of-a-provider", Map.of()).selectFirst("select[name=provider]");
        assertEquals(List.of("Lava Times (4 items)", "Ice Daily (2 items)"), provider.select("option").eachText());
        assertEquals(List.of("Lava Times (4 items)"), provider.select("option[selected]").eachText());

        Document related = page("07-related-neighbourhood", Map.of());
        assertEquals(iri("v1"), related.selectFirst("input[name=item]").val());
        assertEquals("Now: Volcano report 1", related.selectFirst("form.params .now").text());
        assertEquals(iri("v1").substring("http://localhost:3030".length()),
                related.selectFirst("form.params .now a").attr("href"));
        assertEquals("AI", page("08-items-by-a-word", Map.of()).selectFirst("input[name=word]").val());
        // A query without parameters has no form.
        assertTrue(page("02-providers-ranked-by-items", Map.of()).select("form").isEmpty());
    }

    @Test
    void aChosenTopicGivesExactlyItsItemsAndTheQueryAsRun() throws Exception {
        Document doc = page("01-latest-items-on-a-topic", Map.of("topic", GLACIERS));
        assertEquals(List.of(HOSTILE, "Glacier retreat"), column(doc, "headline"));
        assertEquals(List.of("Glaciers (2 items)"), doc.select("select[name=topic] option[selected]").eachText());
        String shown = doc.selectFirst("pre").wholeText();
        assertTrue(shown.contains("VALUES ?topic { <" + GLACIERS + "> }"), shown);
        assertFalse(shown.contains("COUNT(?i)"), "the subquery is still there: " + shown);
        assertTrue(shown.startsWith("# Latest items on a topic\n# The 20 newest items about a topic, with their provider.\n"
                + "PREFIX"), shown);
        // The endpoint's results and the query UI get the same query.
        String json = doc.select("a").stream().filter(a -> a.text().equals("csv")).findFirst().orElseThrow().attr("href");
        assertEquals(shown, URLDecoder.decode(json.substring(json.indexOf("&query=") + 7), StandardCharsets.UTF_8));
        String csv = http.get(json, "text/csv").body();
        assertTrue(csv.contains("Glacier retreat") && !csv.contains("Volcano"), csv);
        String ui = doc.select("a").stream().filter(a -> a.text().startsWith("Open in the query UI")).findFirst()
                .orElseThrow().attr("href");
        assertEquals(shown, URLDecoder.decode(ui.substring(ui.indexOf("?query=") + 7), StandardCharsets.UTF_8));

        // The path of the topic's page names it as well; an item's page URL names the item.
        assertEquals(List.of(HOSTILE, "Glacier retreat"),
                column(page("01-latest-items-on-a-topic", Map.of("topic", "/id/topic/glaciers")), "headline"));
        Document fromG2 = page("07-related-neighbourhood", Map.of("item", http.url("/id/item/" + iri("g2")
                .substring((IriMinter.DEFAULT_BASE + "item/").length()))));
        assertEquals(List.of("Glacier retreat"), column(fromG2, "headline"));
        assertEquals(iri("g2"), fromG2.selectFirst("input[name=item]").val());
        // Without a value, the page shows and runs the file as it is.
        Document byDefault = page("01-latest-items-on-a-topic", Map.of());
        assertEquals(List.of("Volcano report 4", "Volcano report 3", "Volcano report 2", "Volcano report 1"),
                column(byDefault, "headline"));
        assertEquals(Files.readString(Path.of("queries/01-latest-items-on-a-topic.rq")).strip(),
                byDefault.selectFirst("pre").wholeText().strip());
    }

    @Test
    void aValueTheParameterDoesNotTakeIsA400SayingWhy() throws Exception {
        Map<Map<String, String>, String> refused = Map.of(
                Map.of("topic", IriMinter.DEFAULT_BASE + "topic/nope"),
                "There is no topic <http://localhost:3030/id/topic/nope> in the store.",
                Map.of("topic", IriMinter.DEFAULT_BASE + "provider/icedaily.example"),
                "There is no topic <http://localhost:3030/id/provider/icedaily.example> in the store.",
                Map.of("topic", "not an iri"),
                "The topic \"not an iri\" is not an IRI, nor the path of a page here such as /id/topic/….");
        for (Map.Entry<Map<String, String>, String> e : refused.entrySet()) {
            HttpResponse<String> r = get("01-latest-items-on-a-topic", e.getKey());
            assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
            Document doc = Jsoup.parse(r.body());
            assertEquals(List.of(e.getValue()), doc.select("p.error").eachText());
            assertTrue(doc.select("table, pre").isEmpty(), "results for a refused value");
            assertFalse(r.body().contains("Exception"), r.body());
            // The form is still there to choose again.
            assertEquals(2, doc.select("select[name=topic] option").size());
        }
        HttpResponse<String> item = get("07-related-neighbourhood", Map.of("item", "/id/item/0000"));
        assertEquals(400, item.statusCode());
        Document doc = Jsoup.parse(item.body());
        assertEquals("There is no item <http://localhost:3030/id/item/0000> in the store.", doc.selectFirst("p.error").text());
        assertEquals("/id/item/0000", doc.selectFirst("input[name=item]").val());
        assertTrue(doc.select(".now").isEmpty(), "the default shown beside a refused value");

        HttpResponse<String> lucene = get("08-items-by-a-word", Map.of("word", "a\"} b\\"));
        assertEquals(400, lucene.statusCode());
        assertTrue(Jsoup.parse(lucene.body()).selectFirst("p.error").text()
                .startsWith("The word could not be read: Cannot parse 'a\"} b\\ ': Lexical error at line 1, column 8."),
                lucene.body());
        assertEquals("The word has a control character in it.", Jsoup.parse(get("08-items-by-a-word",
                Map.of("word", "lava\nflow")).body()).selectFirst("p.error").text());
    }

    @Test
    void aWordIsDataWhateverItsCharacters() throws Exception {
        // Quotes, a backslash and a brace that Lucene reads as a phrase of one word, volcano.
        String word = "\"volcano } \\\" \\\\\"";
        Document doc = page("08-items-by-a-word", Map.of("word", word));
        assertEquals(List.of("Volcano report 1", "Volcano report 2", "Volcano report 3", "Volcano report 4"),
                column(doc, "headline").stream().sorted().toList());
        assertEquals(word, doc.selectFirst("input[name=word]").val());
        Query shown = QueryFactory.create(doc.selectFirst("pre").wholeText());
        assertEquals(List.of(word), values(shown, "word"));
        Document none = page("08-items-by-a-word", Map.of("word", "nothingmatchesthis"));
        assertTrue(none.select("table").isEmpty());
        assertEquals("No answer: nothing in the store matches.", none.selectFirst("section.run > p:last-child").text());

        // Written to break out of the literal: it stays one value of one VALUES, and the query
        // Jena writes reads back as the same query.
        Query file = QueryFactory.create(Files.readString(Path.of("queries/08-items-by-a-word.rq")));
        String hostile = "AI\" } ?item ?p ?o . { \"\\";
        Query bound = ParameterBinder.bind(file, Var.alloc("word"), NodeFactory.createLiteralString(hostile));
        Query reread = QueryFactory.create(bound.serialize());
        assertEquals(bound, reread);
        assertEquals(List.of(hostile), values(reread, "word"));
        // Set back to the default word, it is the file's query with "AI" set: nothing else changed.
        Node ai = NodeFactory.createLiteralString("AI");
        assertEquals(ParameterBinder.bind(file, Var.alloc("word"), ai), ParameterBinder.bind(reread, Var.alloc("word"), ai));
    }

    /** The values of {@code var} in every VALUES of the query. */
    private static List<String> values(Query q, String var) {
        List<String> found = new ArrayList<>();
        ElementWalker.walk(q.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementData el) {
                el.getRows().forEach(b -> found.add(b.get(Var.alloc(var)).getLiteralLexicalForm()));
            }
        });
        return found;
    }

    @Test
    void resultNodesLinkToTheirPagesByLabelAndDatesRead() throws Exception {
        Document doc = page("01-latest-items-on-a-topic", Map.of("topic", GLACIERS));
        List<Element> links = doc.select("table.results td a");
        assertEquals(List.of(HOSTILE, "Glacier retreat"), links.stream().map(Element::text).toList());
        Function<String, String> path = id -> iri(id).substring("http://localhost:3030".length());
        assertEquals(List.of(path.apply("g2"), path.apply("g1")), links.stream().map(a -> a.attr("href")).toList());
        assertEquals(List.of(iri("g2"), iri("g1")), links.stream().map(a -> a.attr("title")).toList());
        assertEquals(List.of("2024-06-02 10:00 UTC", "2024-06-01 09:30 UTC"), column(doc, "date"));
        assertEquals("2024-06-02T10:00:00Z", doc.selectFirst("table.results time").attr("datetime"));
        // The hostile headline is text, in the table and in the links alike.
        assertTrue(doc.select("table.results script, form script").isEmpty());
        HttpResponse<String> raw = get("01-latest-items-on-a-topic", Map.of("topic", GLACIERS));
        assertFalse(raw.body().contains("<script>"), raw.body());
        assertTrue(raw.body().contains("&lt;script&gt;alert(1)&lt;/script&gt; Geyser"), raw.body());
    }

    @Test
    void everyDeclaredParameterIsBoundByTheQueryItself() {
        Map<String, String> declared = new java.util.TreeMap<>();
        for (SampleQuery q : SampleQuery.load(Path.of("queries"))) {
            Query query = QueryFactory.create(q.text());
            for (QueryParameter p : q.parameters()) {
                declared.put(q.name(), p.name() + " " + p.kind().label());
                // Throws if no element (or more than one) binds it.
                assertNotNull(ParameterBinder.defaultPick(query, p.var()));
                assertFalse(q.description().contains("Parameter") || q.description().contains("VALUES"), q.description());
            }
        }
        assertEquals(Map.of("01-latest-items-on-a-topic", "topic topic", "03-topics-of-a-provider", "provider provider",
                "07-related-neighbourhood", "item item", "08-items-by-a-word", "word word"), declared);
    }
}
