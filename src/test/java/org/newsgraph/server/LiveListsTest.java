package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/**
 * The lists the pages keep are those of the store as it is: what a change writes (here by hand,
 * as a {@code --watch} batch would, with the VoID description's {@code dct:modified}) shows on
 * the next read of a topic, and on the home page once its background read is done.
 */
class LiveListsTest {

    static final IriMinter IRIS = new IriMinter(IriMinter.DEFAULT_BASE);
    static final Node TOPIC = IRIS.topic("Glaciers");

    NewsServer server;
    HttpClientSupport http;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path news = Files.createDirectories(dir.resolve("corpus/_news"));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(news.resolve("g" + i + ".md"), "---\ntitle: \"Glacier " + i + "\"\nwebUrl: https://ice.example/"
                    + i + "\npublishedDateTime: 2024-01-0" + i + "T00:00:00Z\ntopics:\n  - Glaciers\n---\n");
        }
        server = TestServers.buildAndServe(dir.resolve("corpus"), dir.resolve("store"));
        http = new HttpClientSupport(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Adds an item on the topic, newer than the others; with {@code touch}, marks the store changed. */
    private void addItem(boolean touch) {
        DatasetGraph dsg = server.dataset();
        Node g = IRIS.graph("corpus", "_news/new.md");
        Node item = IRIS.item("https://ice.example/new");
        Txn.executeWrite(dsg, () -> {
            dsg.add(g, item, Vocab.TYPE, Vocab.SCHEMA_CREATIVE_WORK);
            dsg.add(g, item, Vocab.SCHEMA_HEADLINE, NodeFactory.createLiteralString("Glacier news"));
            dsg.add(g, item, Vocab.SCHEMA_DATE_PUBLISHED, NodeFactory.createLiteralDT("2025-01-01T00:00:00Z",
                    XSDDatatype.XSDdateTime));
            dsg.add(g, item, Vocab.SCHEMA_ABOUT, TOPIC);
            if (touch) {
                dsg.delete(IRIS.voidGraph(), IRIS.dataset(), Vocab.DCT_MODIFIED,
                        dsg.find(IRIS.voidGraph(), IRIS.dataset(), Vocab.DCT_MODIFIED, Node.ANY).next().getObject());
                dsg.add(IRIS.voidGraph(), IRIS.dataset(), Vocab.DCT_MODIFIED,
                        NodeFactory.createLiteralDT("2099-01-01T00:00:00Z", XSDDatatype.XSDdateTime));
            }
        });
    }

    private List<String> topicHeadlines() throws Exception {
        return Jsoup.parse(http.get("/id/topic/glaciers", "text/html").body()).select("#items ol.items > li > a").eachText();
    }

    @Test
    void aTopicPageShowsTheItemsOfTheStoreAsItIs() throws Exception {
        assertEquals(List.of("Glacier 3", "Glacier 2", "Glacier 1"), topicHeadlines());
        addItem(false);
        assertEquals(List.of("Glacier 3", "Glacier 2", "Glacier 1"), topicHeadlines(), "kept while the store says it is unchanged");
        addItem(true);
        assertEquals(List.of("Glacier news", "Glacier 3", "Glacier 2", "Glacier 1"), topicHeadlines());
    }

    @Test
    void theHomePageCatchesUpInTheBackground() throws Exception {
        String before = Jsoup.parse(http.get("/", "text/html").body()).selectFirst("#newest ol.items > li > a").text();
        assertEquals("Glacier 3", before);
        addItem(true);
        long deadline = System.currentTimeMillis() + 20_000;
        String newest = before;
        while (!newest.equals("Glacier news") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            newest = Jsoup.parse(http.get("/", "text/html").body()).selectFirst("#newest ol.items > li > a").text();
        }
        assertEquals("Glacier news", newest);
        assertTrue(Jsoup.parse(http.get("/", "text/html").body()).selectFirst("p.glance").text()
                .endsWith("Last updated 2099-01-01 00:00:00Z."));
    }
}
