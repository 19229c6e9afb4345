package org.newsgraph.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.server.NewsServer;
import org.newsgraph.server.TestServers;
import org.newsgraph.server.ServerOptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages in a real browser (headless Chromium), as a person uses them: the home page, a search,
 * a result's item page, its neighbourhood view and a node expanded there; a topic paged through;
 * hostile headlines shown as text everywhere. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> Hostile geyser";
    static final int GEYSERS = 120;
    static final int CHAIN = 5;

    Browser browser;
    NewsServer server;
    String root;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        browser = Browser.start();
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            for (Path seed : seeds.toList()) {
                Files.copy(seed, corpus.resolve(seed.getFileName()));
            }
        }
        Path news = Files.createDirectories(corpus.resolve("_news"));
        for (int i = 1; i <= GEYSERS; i++) {
            Files.writeString(news.resolve("geyser-" + i + ".md"), "---\ntitle: \"Geyser report " + i
                    + "\"\nwebUrl: https://geyser.example/" + i + "\npublishedDateTime: " + LocalDate.of(2022, 1, 1).plusDays(i)
                    + "T12:00:00Z\nprovider:\n  name: Steam Weekly\n  domain: steam.example\ntopics:\n  - Geysers\n---\n");
        }
        // A chain of related items: two steps out from the first, a click on the last drawn draws the next.
        for (int i = 1; i <= CHAIN; i++) {
            Files.writeString(news.resolve("chain-" + i + ".md"), "---\ntitle: \"" + (i == 1 ? "Aurora over the fjords"
                    : "Northern lights, part " + i) + "\"\nwebUrl: https://aurora.example/" + i + "\npublishedDateTime: 2021-02-0"
                    + i + "T20:00:00Z\nprovider:\n  name: Sky Watch " + i + "\n  domain: sky" + i + ".example\n"
                    + (i < CHAIN ? "related:\n  - title: \"Northern lights, part " + (i + 1) + "\"\n    webUrl: https://aurora.example/"
                            + (i + 1) + "\n" : "") + "---\n");
        }
        Files.writeString(news.resolve("hostile.md"), "---\ntitle: '" + HOSTILE + "'\nexcerpt: '<b>bold?</b>'\n"
                + "webUrl: https://geyser.example/hostile\npublishedDateTime: 2023-01-01T00:00:00Z\n"
                + "provider:\n  name: '<i>Evil</i> Press'\n  domain: evil.example\ntopics:\n  - Geysers\n"
                + "related:\n  - title: 'Geyser report 1'\n    webUrl: https://geyser.example/1\n---\n");
        server = TestServers.buildAndServe(corpus, dir.resolve("store"));
        root = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void open(String path) {
        browser.driver.get(root + path);
    }

    private List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    @Order(1)
    void searchFromTheHomePageFollowAResultAndExploreItsNeighbourhood() throws Exception {
        open("/");
        assertEquals("News graph", browser.driver.findElement(By.tagName("h1")).getText());
        assertFalse(texts("#newest ol.items > li > a").isEmpty());
        browser.screenshot("01-home");

        WebElement box = browser.driver.findElement(By.cssSelector("form.search input[name=q]"));
        box.sendKeys("fjords");
        box.submit();
        browser.wait.until(ExpectedConditions.urlContains("/search?q=fjords"));
        List<WebElement> hits = browser.driver.findElements(By.cssSelector("ol.hits > li > a"));
        assertEquals(List.of("Aurora over the fjords"), hits.stream().map(WebElement::getText).toList());
        String headline = hits.get(0).getText();
        browser.screenshot("02-search");

        hits.get(0).click();
        browser.wait.until(ExpectedConditions.urlContains("/id/item/"));
        assertEquals(headline, browser.driver.findElement(By.tagName("h1")).getText());
        browser.screenshot("03-item");

        browser.driver.findElement(By.cssSelector("p.formats a.neighbourhood")).click();
        WebElement graph = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("graph")));
        browser.wait.until(ExpectedConditions.attributeToBe(graph, "data-state", "ready"));
        // Two steps out: the item and its provider; part 2 and its provider; part 3.
        assertEquals("5", graph.getAttribute("data-nodes"));
        browser.screenshot("04-neighbourhood");

        NeighbourhoodDriver.clickExpandableNode(browser, graph);
        // Part 3 expanded: its provider and part 4 drawn too.
        browser.wait.until(d -> "7".equals(graph.getAttribute("data-nodes")));
        assertEquals(List.of("Northern lights, part 4"), ((List<?>) ((JavascriptExecutor) browser.driver).executeScript(
                "return arguments[0].newsgraphGraph.nodes().filter(function (n) { return n.data('label') === 'Northern lights, part 4'; })"
                        + ".map(function (n) { return n.data('label'); });", graph)));
        browser.screenshot("05-neighbourhood-expanded");
        assertNoPolicyViolations();
    }

    @Test
    @Order(2)
    void aTopicPagesThroughItsItemsNewestFirst() throws Exception {
        open("/id/topic/geysers");
        List<String> headlines = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            headlines.addAll(texts("#items ol.items > li > a"));
            if (pages == 2) {
                browser.screenshot("06-topic-page-2");
            }
            List<WebElement> next = browser.driver.findElements(By.cssSelector("#items a[rel=next]"));
            if (next.isEmpty()) {
                break;
            }
            next.get(0).click();
        }
        assertEquals(3, pages);
        assertEquals(GEYSERS + 1, headlines.size());
        assertEquals(GEYSERS + 1, headlines.stream().distinct().count());
        assertEquals("Geyser report " + GEYSERS, headlines.get(1), "newest first, after the hostile item of 2023");
        assertEquals("Geyser report 1", headlines.get(GEYSERS));
    }

    @Test
    @Order(3)
    void textFromTheCorpusIsNeverMarkup() throws Exception {
        for (String path : List.of("/", "/search?q=hostile", "/id/topic/geysers", "/id/provider/evil.example")) {
            open(path);
            assertTrue(browser.driver.findElement(By.tagName("body")).getText().contains(HOSTILE.substring(0, 20)),
                    path + " shows the headline as text");
            assertHarmless(path);
        }
        open("/search?q=hostile");
        browser.driver.findElement(By.cssSelector("ol.hits > li > a")).click();
        browser.wait.until(ExpectedConditions.urlContains("/id/item/"));
        assertEquals(HOSTILE, browser.driver.findElement(By.tagName("h1")).getText());
        assertEquals("<b>bold?</b>", browser.driver.findElement(By.cssSelector("article .lead")).getText());
        assertEquals("<i>Evil</i> Press", browser.driver.findElement(By.cssSelector("article .provider a")).getText());
        assertHarmless("the item page");
        browser.screenshot("07-hostile-item");
        browser.driver.findElement(By.cssSelector("p.formats a.neighbourhood")).click();
        WebElement graph = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("graph")));
        browser.wait.until(ExpectedConditions.attributeToBe(graph, "data-state", "ready"));
        assertHarmless("the neighbourhood view");
        browser.screenshot("08-hostile-neighbourhood");
        assertNoPolicyViolations();
    }

    @Test
    @Order(4)
    void theQueryUiRunsAQueryUnderItsPolicy() throws Exception {
        open("/ui/#/dataset/news/query");
        WebElement run = browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".yasqe_queryButton")));
        run.click();
        browser.wait.until(d -> !d.findElements(By.cssSelector(".yasr table tbody tr")).isEmpty());
        assertFalse(texts(".yasr table tbody tr").isEmpty());
        browser.screenshot("09-query-ui");

        // A sample query opened from its page arrives in the editor.
        open("/queries/02-providers-ranked-by-items");
        browser.driver.findElement(By.linkText("Open in the query UI to edit it")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector(".CodeMirror")).stream()
                .anyMatch(e -> e.getText().contains("# Providers ranked by items")));
        List<String> problems = browser.console().stream()
                .filter(m -> (m.contains("Content Security Policy") && !m.contains("prefix.cc")) || m.contains("Uncaught")).toList();
        assertTrue(problems.isEmpty(), "console: " + problems);
    }

    /** No script of the data ran and none of its tags became elements. */
    private void assertHarmless(String where) {
        Object pwned = ((JavascriptExecutor) browser.driver).executeScript("return window.pwned === undefined ? null : window.pwned;");
        assertEquals(null, pwned, where + ": a script from the data ran");
        assertTrue(browser.driver.findElements(By.cssSelector("img[src=x], body b, body i")).isEmpty(),
                where + ": the data's tags became elements");
    }

    private void assertNoPolicyViolations() {
        List<String> problems = browser.console().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).toList();
        assertTrue(problems.isEmpty(), "console: " + problems);
    }

}
