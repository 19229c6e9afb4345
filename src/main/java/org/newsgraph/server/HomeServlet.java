package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.newsgraph.mapping.IriMinter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code /}: a search box, the dataset at a glance, the most used topics and providers, the newest
 * items, and the ways further in (sample queries, the query UI, the VoID description).
 */
final class HomeServlet extends HttpServlet {

    private final transient Supplier<DatasetGraph> dataset;
    private final LinkRewriter links;
    private final transient IriMinter iris;
    private final transient NewsLists lists;
    private final transient AtomicReference<HomeSummary> cache = new AtomicReference<>();
    private final transient java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "home-summary");
                t.setDaemon(true);
                return t;
            });
    private transient java.util.concurrent.Future<HomeSummary> reading;

    HomeServlet(Supplier<DatasetGraph> dataset, LinkRewriter links, IriMinter iris, NewsLists lists) {
        this.dataset = dataset;
        this.links = links;
        this.iris = iris;
        this.lists = lists;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Document doc = HtmlPage.skeleton("newsgraph");
        Element body = doc.body();
        body.appendElement("h1").text("News graph");
        HtmlPage.searchForm(body, "");
        try {
            render(body, summary());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            body.appendElement("p").addClass("error").text("The server is stopping.");
        }
        HtmlPage.send(response, doc.outerHtml());
    }

    /**
     * The summary of the store. Reading it takes seconds on a large store (every item's date,
     * topics and provider), so it is read in the background when the store changed, and until then
     * the page shows the previous one, which says when it was true; only the first request waits.
     */
    HomeSummary summary() throws InterruptedException {
        HomeSummary cached = cache.get();
        if (cached == null) {
            try {
                return refresh().get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        String state = StoreState.of(dataset.get(), iris);
        if (state == null || !state.equals(cached.modified())) {
            refresh();
        }
        return cached;
    }

    /** Starts reading the summary unless a read is under way; either way, the read that will answer. */
    synchronized java.util.concurrent.Future<HomeSummary> refresh() {
        if (reading == null || reading.isDone()) {
            reading = reader.submit(() -> {
                HomeSummary fresh = HomeSummary.read(dataset.get(), iris, lists);
                cache.set(fresh);
                return fresh;
            });
        }
        return reading;
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }

    private void render(Element body, HomeSummary s) {
        Element glance = body.appendElement("p").addClass("glance");
        glance.text(String.format("%,d items from %,d providers on %,d topics", s.items(), s.providers(), s.topics())
                + (s.dates().first() == null ? "" : ", published " + HtmlPage.day(s.dates().first()) + " to "
                        + HtmlPage.day(s.dates().last()))
                + "." + (s.modified() == null ? "" : " Last updated " + s.modified().replace('T', ' ') + "."));

        Element columns = body.appendElement("div").addClass("columns");
        Element newest = columns.appendElement("section").attr("id", "newest");
        newest.appendElement("h2").text("Newest items");
        HtmlPage.itemList(newest, s.newest(), links, 1, false);

        Element side = columns.appendElement("section").attr("id", "top");
        side.appendElement("h2").text("Top topics");
        counts(side, s.topTopics(), "topics");
        side.appendElement("h2").text("Top providers");
        counts(side, s.topProviders(), "providers");

        Element more = body.appendElement("section").attr("id", "more");
        more.appendElement("h2").text("Go further");
        Element ul = more.appendElement("ul");
        ul.appendElement("li").appendElement("a").attr("href", "/queries").text("Sample queries")
                .parent().appendText(": questions people ask of a news graph, with their answers");
        ul.appendElement("li").appendElement("a").attr("href", UiPath.PATH).text("Query UI")
                .parent().appendText(": write SPARQL against the endpoint /news/sparql");
        ul.appendElement("li").appendElement("a").attr("href", "/.well-known/void").text("Dataset description (VoID)")
                .parent().appendText(": what the dataset holds, for other tools");
    }

    private void counts(Element into, java.util.List<NewsLists.Count> counts, String cssClass) {
        Element ol = into.appendElement("ol").addClass(cssClass);
        for (NewsLists.Count c : counts) {
            Element li = ol.appendElement("li");
            HtmlPage.link(li, c.iri(), c.label() == null ? c.iri() : c.label(), links);
            li.appendElement("span").addClass("muted").text(String.format(" %,d", c.items()));
        }
    }
}
