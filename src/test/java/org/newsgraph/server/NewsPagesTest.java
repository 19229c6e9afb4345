package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.Vocab;

/**
 * The pages a person explores the news with: the home page, an item page news first, a topic with
 * more than 500 items paged newest first, a provider without the snapshots that also name it,
 * the topic tree both ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsPagesTest {

    static final int ERUPTIONS = 520;
    static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    NewsServer server;
    HttpClientSupport http;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        Path news = Files.createDirectories(corpus.resolve("_news"));
        Path topics = Files.createDirectories(corpus.resolve("_data/topics"));
        Files.writeString(topics.resolve("00-earth.yaml"), "taxonomy: topic\n_id: earth\nname: Earth\n");
        Files.writeString(topics.resolve("01-volcanoes.yaml"), "taxonomy: topic\n_id: volcanoes\nname: Volcanoes\nparent: Earth\n");
        for (int i = 1; i <= ERUPTIONS; i++) {
            Files.writeString(news.resolve(String.format("eruption-%03d.md", i)), "---\ntitle: \"Eruption " + i
                    + "\"\nwebUrl: https://lava.example/" + i + "\npublishedDateTime: " + FIRST_DAY.plusDays(i)
                    + "T06:00:00Z\nprovider:\n  name: Lava Times\n  domain: lava.example\ntopics:\n  - Volcanoes\n---\n");
        }
        StringBuilder main = new StringBuilder("---\ntitle: \"Main story <b>bold</b>\"\nexcerpt: \"What happened.\"\n"
                + "webUrl: https://geo.example/main\npublishedDateTime: 2024-06-01T09:30:00Z\ntype: article\n"
                + "secured: \"SECRET-BLOB\"\nprovider:\n  name: Geo Daily\n  domain: geo.example\ntopics:\n  - Volcanoes\n"
                + "images:\n  - url: https://img.example/crater.jpg\n    title: A crater\n    width: 800\n    height: 600\n"
                + "related:\n");
        for (int i = 1; i <= 12; i++) {
            // Entry 3 gives another headline than Eruption 3's own file: a snapshot that disagrees.
            main.append("  - title: \"").append(i == 3 ? "Old title of eruption 3" : "Eruption " + i)
                    .append("\"\n    webUrl: https://lava.example/").append(i)
                    .append("\n    publishedDateTime: ").append(FIRST_DAY.plusDays(i)).append("T06:00:00Z")
                    .append("\n    provider:\n      name: Lava Times\n      domain: lava.example\n");
        }
        Files.writeString(news.resolve("main.md"), main.append("---\n").toString());
        server = TestServers.buildAndServe(corpus, dir.resolve("store"));
        http = new HttpClientSupport(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> r = http.get(path, "text/html");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Jsoup.parse(r.body());
    }

    private String itemPath(String url) {
        Node item = Txn.calculateRead(server.dataset(), () -> server.dataset().getUnionGraph()
                .find(Node.ANY, Vocab.SCHEMA_URL, NodeFactory.createURI(url)).next().getSubject());
        return item.getURI().substring("http://localhost:3030".length());
    }

    @Test
    void itemPageShowsHeadlineDateProviderAndImageBeforeAnyRelatedItem() throws Exception {
        Document doc = page(itemPath("https://geo.example/main"));
        Element h1 = doc.selectFirst("h1");
        assertEquals("Main story <b>bold</b>", h1.text());
        assertNull(doc.selectFirst("h1 b"), "a headline is text, never markup");
        Element date = doc.selectFirst("article time");
        assertEquals("2024-06-01 09:30 UTC", date.text());
        Element provider = doc.selectFirst("article .provider a");
        assertEquals("Geo Daily", provider.text());
        assertEquals("/id/provider/geo.example", provider.attr("href"));
        Element img = doc.selectFirst("article figure img");
        assertEquals("https://img.example/crater.jpg", img.attr("src"));
        assertEquals("A crater", doc.selectFirst("article figcaption").text());
        Element firstRelated = doc.selectFirst("#related ol.related > li");
        for (Element before : List.of(h1, date, provider, img)) {
            assertTrue(precedes(before, firstRelated), before.outerHtml() + " comes before the first related item");
        }
        assertEquals("Topics: Volcanoes", doc.selectFirst("article .tags").text());
        assertEquals("What happened.", doc.selectFirst("article .lead").text());
    }

    /** True if {@code a} comes before {@code b} in document order. */
    private static boolean precedes(Element a, Element b) {
        List<Element> all = a.ownerDocument().getAllElements();
        return all.indexOf(a) >= 0 && all.indexOf(a) < all.indexOf(b);
    }

    @Test
    void relatedItemsComeInListOrderTheFirstTenShownTheRestFolded() throws Exception {
        Document doc = page(itemPath("https://geo.example/main"));
        assertEquals("Related (12)", doc.selectFirst("#related h2").text());
        List<String> shown = doc.select("#related > ol.related > li > a").eachText();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            expected.add("Eruption " + i); // each listed item's own headline, entry 3's included
        }
        assertEquals(expected, shown);
        assertEquals("2020-01-02 · Lava Times", doc.selectFirst("#related > ol.related > li > div.muted").text());
        Element folded = doc.selectFirst("#related > details.more-related");
        assertEquals("2 more related items", folded.selectFirst("summary").text());
        assertEquals(List.of("Eruption 11", "Eruption 12"), folded.select("ol.related > li > a").eachText());
        assertEquals("11", folded.selectFirst("ol.related").attr("start"));
        assertEquals("This list gives it as “Old title of eruption 3”.",
                doc.select("#related > ol.related > li").get(2).selectFirst("div.listed-as").text());
        assertEquals(1, doc.select("#related div.listed-as").size(), "the other entries agree");
    }

    @Test
    void internalFieldsAreOutOfTheWay() throws Exception {
        Document doc = page(itemPath("https://geo.example/main"));
        Element details = doc.selectFirst("details#statements");
        assertNotNull(details);
        assertTrue(details.text().contains("SECRET-BLOB"), "still there, in the folded statements");
        Document outside = doc.clone();
        outside.select("details#statements").remove();
        assertFalse(outside.text().contains("SECRET-BLOB"));
        assertEquals(List.of("Neighbourhood", "Turtle", "JSON-LD", "N-Triples"), doc.select("p.formats a").eachText());
    }

    @Test
    void snapshotsThatDisagreeWithTheItemsOwnFileHaveASectionOfTheirOwn() throws Exception {
        Document doc = page(itemPath("https://lava.example/3"));
        assertEquals("Eruption 3", doc.selectFirst("h1").text());
        Element section = doc.selectFirst("#disagreeing-snapshots");
        assertNotNull(section);
        Element table = section.selectFirst("table.snapshot");
        assertEquals("in 1 list", table.selectFirst("tr td").text());
        assertEquals("Headline Old title of eruption 3", table.select("tr").get(1).text());
        assertNull(page(itemPath("https://lava.example/4")).selectFirst("#disagreeing-snapshots"),
                "a snapshot that agrees is not shown as a disagreement");
    }

    @Test
    void aTopicWithMoreThan500ItemsPagesThroughAllOfThemNewestFirst() throws Exception {
        List<String> headlines = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        String next = "/id/topic/volcanoes";
        int pages = 0;
        while (next != null) {
            Document doc = page(next);
            pages++;
            if (pages == 1) {
                assertEquals("Items (521), newest first", doc.selectFirst("#items h2").text());
                List<String> bars = doc.select("#items svg.chart rect > title").eachText();
                assertEquals(54, bars.size(), "one bar a month from 2020-01 to 2024-06, empty months too");
                assertEquals("2020-01: 30 items", bars.get(0));
                assertEquals("2022-01: 0 items", bars.get(24));
                assertEquals("2024-06: 1 item", bars.get(53));
            }
            for (Element li : doc.select("#items ol.items > li")) {
                headlines.add(li.selectFirst("a").text());
                dates.add(li.selectFirst("div.muted").text().substring(0, 10));
            }
            Element link = doc.selectFirst("#items a[rel=next]");
            next = link == null ? null : link.attr("href");
        }
        assertEquals(11, pages);
        assertEquals(ERUPTIONS + 1, headlines.size());
        assertEquals(ERUPTIONS + 1, headlines.stream().distinct().count(), "no item twice");
        assertEquals("Main story <b>bold</b>", headlines.get(0));
        assertEquals("Eruption 520", headlines.get(1));
        assertEquals("Eruption 1", headlines.get(ERUPTIONS));
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, dates, "newest first across pages");
    }

    @Test
    void aProviderListsEachOfItsItemsOnceThoughSnapshotsNameItToo() throws Exception {
        Document doc = page("/id/provider/lava.example");
        assertEquals("Lava Times", doc.selectFirst("h1").text());
        assertEquals("Items (520), newest first", doc.selectFirst("#items h2").text());
        List<String> first = doc.select("#items ol.items > li > a").eachText();
        assertEquals(50, first.size());
        assertEquals(50, first.stream().distinct().count());
    }

    @Test
    void theTopicTreeReadsBothWays() throws Exception {
        Document child = page("/id/topic/volcanoes");
        assertEquals("Broader topic: Earth", child.selectFirst("p.broader").text());
        assertEquals("/id/topic/earth", child.selectFirst("p.broader a").attr("href"));
        assertNull(child.selectFirst("p.narrower"));
        Document parent = page("/id/topic/earth");
        assertEquals("Narrower topics: Volcanoes", parent.selectFirst("p.narrower").text());
        assertNull(parent.selectFirst("p.broader"));
    }

    @Test
    void theHomePageSumsUpTheDatasetAndLinksFurtherIn() throws Exception {
        Document doc = page("/");
        assertEquals("521 items from 2 providers on 2 topics, published 2020-01-02 to 2024-06-01.",
                doc.selectFirst("p.glance").text().replaceFirst(" Last updated .*", ""));
        assertEquals("/search", doc.selectFirst("form.search").attr("action"));
        assertEquals(List.of("Main story <b>bold</b>", "Eruption 520", "Eruption 519"),
                doc.select("#newest ol.items > li > a").eachText().subList(0, 3));
        assertEquals(List.of("Volcanoes 521"), doc.select("ol.topics > li").eachText());
        assertEquals(List.of("Lava Times 520", "Geo Daily 1"), doc.select("ol.providers > li").eachText());
        assertEquals(List.of("/queries", "/ui/", "/.well-known/void"), doc.select("#more a").eachAttr("href"));
    }

    @Test
    void theQueryUiHasAPathOfItsOwnAndStillReachesTheEndpoint() throws Exception {
        HttpResponse<String> ui = http.get("/ui/", "text/html");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("<title>Apache Jena Fuseki UI</title>"), ui.body());
        assertEquals(200, http.get("/ui/$/server", "application/json").statusCode());
        HttpResponse<String> ask = http.get("/ui/news/sparql?query=ASK%7B%7D", "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("\"boolean\" : true"), ask.body());
        HttpResponse<String> old = http.send("GET", "/index.html");
        assertEquals(302, old.statusCode());
        assertEquals("/ui/", java.net.URI.create(old.headers().firstValue("Location").orElseThrow()).getPath());
    }
}
