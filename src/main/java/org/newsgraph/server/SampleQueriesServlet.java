package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /queries}: the sample queries with what each answers; {@code /queries/NAME} runs one and
 * shows the results as a table, with links to the raw results from the SPARQL endpoint.
 */
final class SampleQueriesServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SampleQueriesServlet.class);
    private static final int MAX_ROWS = 1000;

    private final transient List<SampleQuery> queries;
    private final transient Supplier<DatasetGraph> dataset;
    private final LinkRewriter links;
    private final long timeoutMillis;

    SampleQueriesServlet(List<SampleQuery> queries, Supplier<DatasetGraph> dataset, LinkRewriter links,
            long timeoutMillis) {
        this.queries = queries;
        this.dataset = dataset;
        this.links = links;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Document doc;
        if (path == null || path.equals("/")) {
            doc = index();
        } else {
            SampleQuery q = queries.stream().filter(x -> ("/" + x.name()).equals(path)).findFirst().orElse(null);
            if (q == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "no sample query " + path.substring(1));
                return;
            }
            doc = run(q);
        }
        HtmlPage.send(response, doc.outerHtml());
    }

    private Document index() {
        Document doc = HtmlPage.skeleton("Sample queries");
        Element body = doc.body();
        body.appendElement("h1").text("Sample queries");
        body.appendElement("p").text("Questions people ask of a news graph. Each runs here, in the query UI,"
                + " or with 'newsgraph query --file queries/NAME.rq'.");
        Element list = body.appendElement("dl");
        for (SampleQuery q : queries) {
            list.appendElement("dt").appendElement("a").attr("href", "/queries/" + q.name()).text(q.title());
            Element dd = list.appendElement("dd");
            dd.appendText(q.description() + " ");
            dd.appendElement("a").attr("href", uiLink(q)).text("Open in the query UI");
        }
        return doc;
    }

    private Document run(SampleQuery q) {
        Document doc = HtmlPage.skeleton(q.title());
        Element body = doc.body();
        body.appendElement("h1").text(q.title());
        body.appendElement("p").text(q.description());
        String encoded = URLEncoder.encode(q.text(), StandardCharsets.UTF_8);
        Element raw = body.appendElement("p").appendText("Results from the endpoint: ");
        for (String format : new String[] {"json", "csv", "tsv", "xml"}) {
            raw.appendElement("a").attr("href", "/news/sparql?format=" + format + "&query=" + encoded).text(format);
            raw.appendText(" ");
        }
        body.appendElement("p").appendElement("a").attr("href", uiLink(q)).text("Open in the query UI to edit it");
        body.appendElement("pre").text(q.text());
        Element table = body.appendElement("table");
        DatasetGraph dsg = dataset.get();
        try {
            Query query = QueryFactory.create(q.text());
            Txn.executeRead(dsg, () -> {
                try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                        .set(TDB2.symUnionDefaultGraph, true).timeout(timeoutMillis).build()) {
                    if (query.isAskType()) {
                        table.appendElement("tr").appendElement("td").text(Boolean.toString(qe.execAsk()));
                        return;
                    }
                    ResultSet rs = qe.execSelect();
                    Element head = table.appendElement("tr");
                    rs.getResultVars().forEach(v -> head.appendElement("th").text(v));
                    int rows = 0;
                    while (rs.hasNext() && rows++ < MAX_ROWS) {
                        QuerySolution row = rs.next();
                        Element tr = table.appendElement("tr");
                        for (String v : rs.getResultVars()) {
                            cell(tr.appendElement("td"), row.get(v));
                        }
                    }
                }
            });
        } catch (QueryCancelledException e) {
            // No partial table: a page shows the whole answer or says it has none.
            table.remove();
            body.appendElement("p").text("The query timed out.");
        } catch (RuntimeException e) {
            table.remove();
            LOG.warn("Sample query {} failed: {}", q.name(), e.toString());
            body.appendElement("p").text("The query failed: " + e.getMessage());
        }
        return doc;
    }

    /** The Fuseki UI's query editor with this query in it (the UI reads {@code ?query=}). */
    static String uiLink(SampleQuery q) {
        return UiPath.queryEditor(URLEncoder.encode(q.text(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private void cell(Element td, RDFNode value) {
        if (value == null) {
            return;
        }
        Node n = value.asNode();
        if (n.isURI() && links.href(n.getURI()) != null) {
            td.appendElement("a").attr("href", links.href(n.getURI())).text(n.getURI());
        } else if (n.isURI()) {
            td.text(n.getURI());
        } else if (n.isLiteral()) {
            td.text(n.getLiteralLexicalForm());
        } else {
            td.text(n.toString());
        }
    }
}
