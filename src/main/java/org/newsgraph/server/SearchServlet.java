package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
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
    private static final Query SEARCH = QueryFactory.create("""
            PREFIX schema: <https://schema.org/>
            PREFIX text:   <http://jena.apache.org/text#>
            SELECT ?item (MAX(?score) AS ?relevance) (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?date)
                   (SAMPLE(?p) AS ?provider) (SAMPLE(?desc) AS ?description)
            WHERE {
              (?item ?score) text:query (?q 100000) .
              ?item a schema:CreativeWork .
              OPTIONAL { ?item schema:headline ?h }
              OPTIONAL { ?item schema:datePublished ?d }
              OPTIONAL { ?item schema:publisher/schema:name ?p }
              OPTIONAL { ?item schema:description ?desc }
            }
            GROUP BY ?item
            ORDER BY DESC(?relevance) ?item
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
        Query query = SEARCH.cloneQuery();
        query.setOffset((long) (page - 1) * PAGE);
        query.setLimit(PAGE + 1);
        DatasetGraph dsg = dataset.get();
        Dataset ds = DatasetFactory.wrap(dsg);
        try {
            return Txn.calculateRead(dsg, () -> {
                List<ItemSummary> hits = new ArrayList<>();
                try (QueryExecution qe = QueryExecution.dataset(ds).query(query)
                        .substitution("q", ResourceFactory.createStringLiteral(q))
                        .set(TDB2.symUnionDefaultGraph, true).timeout(timeoutMillis).build()) {
                    ResultSet rs = qe.execSelect();
                    while (rs.hasNext()) {
                        QuerySolution row = rs.next();
                        hits.add(ItemSummary.of(row));
                    }
                }
                return hits;
            });
        } catch (org.apache.jena.query.text.TextIndexParseException e) {
            throw new SearchSyntaxException(why(e));
        }
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
            body.appendElement("p").addClass("muted").text("Items " + first + "–" + (first + shown.size() - 1)
                    + ", best matches first.");
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
