package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code /search}: 45 items with a common word, paged by 20; a hostile headline; a query Lucene cannot read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchServletTest {

    NewsServer server;
    HttpClientSupport http;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/_news"));
        for (int i = 1; i <= 45; i++) {
            Files.writeString(corpus.resolve(String.format("item-%02d.md", i)), "---\ntitle: \"Volcano report " + i
                    + "\"\nexcerpt: \"Lava number " + i + "\"\nwebUrl: https://news.example/" + i
                    + "\npublishedDateTime: 2024-05-" + String.format("%02d", 1 + i % 28) + "T08:00:00Z\n---\n");
        }
        Files.writeString(corpus.resolve("hostile.md"), "---\ntitle: \"<script>alert(1)</script> Geyser\"\n"
                + "webUrl: https://news.example/geyser\n---\n");
        server = TestServers.buildAndServe(dir.resolve("corpus"), dir.resolve("store"));
        http = new HttpClientSupport(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Document page(String query) throws Exception {
        HttpResponse<String> r = http.get("/search?" + query, "text/html");
        assertEquals(200, r.statusCode(), r.body());
        return Jsoup.parse(r.body());
    }

    @Test
    void pagesThroughEveryMatchOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        int pages = 0;
        String next = "q=volcano";
        while (next != null) {
            Document doc = page(next);
            pages++;
            for (Element a : doc.select("ol.hits > li > a")) {
                seen.add(a.text());
                assertTrue(a.attr("href").startsWith("/id/item/"), a.attr("href"));
            }
            Element link = doc.selectFirst("a[rel=next]");
            next = link == null ? null : link.attr("href").substring("/search?".length());
        }
        assertEquals(3, pages);
        assertEquals(45, seen.size());
        assertEquals(45, seen.stream().distinct().count());
        assertTrue(seen.contains("Volcano report 7"));
        Document last = page("q=volcano&page=3");
        assertEquals(5, last.select("ol.hits > li").size());
        assertEquals("Items 41–45, best matches first.", last.selectFirst("p.muted").text());
        assertEquals("Lava number " + seen.get(0).substring("Volcano report ".length()),
                page("q=volcano").select("ol.hits > li").get(0).select("div").last().text());
    }

    @Test
    void corpusTextIsShownNotRun() throws Exception {
        Document doc = page("q=geyser");
        assertEquals(List.of("<script>alert(1)</script> Geyser"), doc.select("ol.hits > li > a").eachText());
        assertTrue(doc.select("ol.hits script").isEmpty());
        HttpResponse<String> r = http.get("/search?q=geyser", "text/html");
        assertEquals(HtmlPage.CONTENT_SECURITY_POLICY, r.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("No item matches.", page("q=nothingmatchesthis").select("p").last().text());
    }

    @Test
    void aQueryLuceneCannotReadIsA400SayingWhy() throws Exception {
        HttpResponse<String> r = http.get("/search?q=%22unclosed", "text/html");
        assertEquals(400, r.statusCode());
        Element error = Jsoup.parse(r.body()).selectFirst("p.error");
        assertTrue(error.text().startsWith("The search could not be read: Cannot parse '\"unclosed ': Lexical error at line 1,"
                + " column 11"), error.text());
        assertFalse(r.body().contains("Exception"), r.body());
    }
}
