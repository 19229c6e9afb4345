package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code /search?q=WORDS&page=N}: the items whose headline or description match, best first, a
 * page of {@value #PAGE} at a time, each with its date, provider and the start of its
 * description, linking to its page. Lucene's syntax works; a query Lucene cannot read is a 400
 * page saying why.
 */
final class SearchServlet extends HttpServlet {

    static final int PAGE = 20;
    /** The most hits Lucene is asked for: as many as jena-text gives without a limit. */
    static final int MAX_HITS = 100_000;
    /** Lucene's best hits, and whether each is an item (the text index also holds snapshots' headlines). */
    private static final Query HITS = QueryFactory.create("""
            PREFIX schema: <https://schema.org/>
            PREFIX text:   <http://jena.apache.org/text#>
            SELECT ?node ?score ?item
            WHERE {
              (?node ?score) text:query (?q ?hits) .
              OPTIONAL { ?node a schema:CreativeWork BIND (?node AS ?item) }
            }
            """);

    private final transient Supplier<DatasetGraph> dataset;
    private final LinkRewriter links;
    private final long timeoutMillis;

    SearchServlet(Supplier<DatasetGraph> dataset, LinkRewriter links, long timeoutMillis) {
        this.dataset = dataset;
        this.links = links;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
        int page = HtmlPage.pageNumber(request.getParameter("page"));
        Document doc = HtmlPage.skeleton(q.isEmpty() ? "Search" : "Search: " + q);
        Element body = doc.body();
        body.appendElement("h1").text("Search the news");
        HtmlPage.searchForm(body, q);
        if (!q.isEmpty()) {
            try {
                List<ItemSummary> hits = search(q, page);
                results(body, q, page, hits);
            } catch (SearchSyntaxException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                body.appendElement("p").addClass("error").text("The search could not be read: " + e.getMessage()
                        + ". Quote words with special characters (\"C++\"), or leave out + - && || ! ( ) { } [ ] ^ ~ * ? : / \\.");
            } catch (QueryCancelledException e) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                body.appendElement("p").addClass("error").text("The search timed out: use fewer or more precise words.");
            }
        }
        HtmlPage.send(response, doc.outerHtml());
    }

    /** One page of hits and, if there is one, the first hit of the next page. */
    List<ItemSummary> search(String q, int page) {
        int wanted = page * PAGE + 1;
        DatasetGraph dsg = dataset.get();
        try {
            return Txn.calculateRead(dsg, () -> {
                List<Node> ranked = ranked(dsg, q, wanted);
                var g = dsg.getUnionGraph();
                return ranked.subList(Math.min(ranked.size(), (page - 1) * PAGE), Math.min(ranked.size(), wanted)).stream()
                        .map(item -> ItemSummary.read(dsg, g, item)).toList();
            });
        } catch (org.apache.jena.query.text.TextIndexParseException e) {
            throw new SearchSyntaxException(why(e));
        }
    }

    /**
     * At least the {@code wanted} best items (fewer if fewer match), best first: an item ranks by
     * its best hit (headline or description). Lucene is asked for a few hits per item wanted, and
     * for four times as many while too few items are among them. That is exact: an item with a
     * hit among the best N ranks above every item with none there. (Asking for all 100,000 hits
     * took 3–6 s a search at 100,000 files.)
     */
    private List<Node> ranked(DatasetGraph dsg, String q, int wanted) {
        Map<Node, Double> best = new LinkedHashMap<>();
        for (long hits = Math.max(200, 8L * wanted); ; hits = Math.min(MAX_HITS, hits * 4)) {
            best.clear();
            int rows = 0;
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(HITS)
                    .substitution("q", ResourceFactory.createStringLiteral(q))
                    .substitution("hits", ResourceFactory.createTypedLiteral(hits))
                    .set(TDB2.symUnionDefaultGraph, true).timeout(timeoutMillis).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    var row = rs.next();
                    rows++;
                    if (row.contains("item")) {
                        best.merge(row.getResource("item").asNode(), row.getLiteral("score").getDouble(), Math::max);
                    }
                }
            }
            if (best.size() >= wanted || rows < hits || hits >= MAX_HITS) {
                break;
            }
        }
        List<Node> ranked = new ArrayList<>(best.keySet());
        ranked.sort(Comparator.comparing((Node n) -> best.get(n)).reversed().thenComparing(Node::getURI));
        return ranked;
    }

    /** What Lucene could not read, without its list of expected tokens. */
    static String why(org.apache.jena.query.text.TextIndexParseException e) {
        // "Text search parse error:\nCannot parse '…': Lexical error at line 1, column 11.  Encountered: …"
        String why = e.getMessage().lines().filter(l -> l.startsWith("Cannot parse")).findFirst().orElse("syntax error");
        int cut = why.indexOf(".  ");
        return cut > 0 ? why.substring(0, cut) : why;
    }

    private void results(Element body, String q, int page, List<ItemSummary> hits) {
        boolean more = hits.size() > PAGE;
        List<ItemSummary> shown = more ? hits.subList(0, PAGE) : hits;
        if (shown.isEmpty()) {
            body.appendElement("p").text(page == 1 ? "No item matches." : "No more items match.");
        } else {
            int first = (page - 1) * PAGE + 1;
            body.appendElement("p").addClass("muted").text(page == 1 && !more
                    ? (shown.size() == 1 ? "1 item matches." : shown.size() + " items match, best first.")
                    : "Items " + first + "–" + (first + shown.size() - 1) + ", best matches first.");
        }
        HtmlPage.itemList(body, shown, links, (page - 1) * PAGE + 1, true).addClass("hits");
        if (page == 1 && !more) {
            return;
        }
        Element nav = body.appendElement("p").addClass("pages");
        String base = "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&page=";
        if (page > 1) {
            nav.appendElement("a").attr("href", base + (page - 1)).attr("rel", "prev").text("← previous");
            nav.appendText(" ");
        }
        if (more) {
            nav.appendElement("a").attr("href", base + (page + 1)).attr("rel", "next").text("next →");
        }
    }

    /** A query Lucene's parser refused. */
    static final class SearchSyntaxException extends RuntimeException {
        SearchSyntaxException(String message) {
            super(message, null, false, false);
        }
    }
}
