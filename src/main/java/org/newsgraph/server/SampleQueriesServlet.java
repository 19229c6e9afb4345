package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.text.TextIndexParseException;
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
 * shows the results as a table, with links to the raw results from the SPARQL endpoint. A query's
 * parameters are a GET form ({@code /queries/NAME?topic=IRI}, so a result can be linked to); a
 * value that is not one the parameter takes is a 400 page saying why.
 */
final class SampleQueriesServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SampleQueriesServlet.class);
    private static final int MAX_ROWS = 1000;

    private final transient List<SampleQuery> queries;
    private final transient Supplier<DatasetGraph> dataset;
    /**
     * What these pages add to the common style: result tables size their columns to their content
     * (the node pages' fixed 14em headers made a five-column table wider than the page), words
     * stay whole (breaking anywhere let a narrow column split names), and only what has no place
     * to break, an IRI or a path, breaks anywhere.
     */
    private static final String STYLE = """
            table.results{table-layout:auto}table.results th{width:auto;white-space:nowrap}
            table.results td{overflow-wrap:break-word}table.results td.long,table.results .iri{overflow-wrap:anywhere}
            form.params{background:#f6f6f6;padding:.6em 1em;margin:1em 0}form.params .parameter{margin:.4em 0 .8em}
            form.params label{font-weight:600;margin-right:.6em}form.params select,form.params input{max-width:100%}
            table.results time{white-space:nowrap}.error{color:#a00000;font-weight:600}""";

    private final LinkRewriter links;
    private final transient NewsLists lists;
    private final ParameterReader reader;
    private final long timeoutMillis;

    SampleQueriesServlet(List<SampleQuery> queries, Supplier<DatasetGraph> dataset, LinkRewriter links,
            NewsLists lists, long timeoutMillis) {
        this.queries = queries;
        this.lists = lists;
        this.dataset = dataset;
        this.links = links;
        this.reader = new ParameterReader(links);
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
            Page page = run(q, request);
            response.setStatus(page.status());
            doc = page.doc();
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
            dd.appendElement("a").attr("href", uiLink(q.text())).text("Open in the query UI");
        }
        return doc;
    }

    /** A page and the status it goes with. */
    private record Page(Document doc, int status) {
    }

    private Page run(SampleQuery q, HttpServletRequest request) {
        Document doc = HtmlPage.skeleton(q.title());
        doc.head().appendElement("style").appendText(STYLE);
        Element body = doc.body();
        body.appendElement("h1").text(q.title());
        body.appendElement("p").text(q.description());
        Map<QueryParameter, String> typed = new LinkedHashMap<>();
        for (QueryParameter p : q.parameters()) {
            String raw = request.getParameter(p.name());
            if (raw != null && !raw.isBlank()) {
                typed.put(p, raw.strip());
            }
        }
        DatasetGraph dsg = dataset.get();
        try {
            int status = Txn.calculateRead(dsg, () -> fill(body, q, typed, dsg));
            return new Page(doc, status);
        } catch (QueryCancelledException e) {
            // Picking a default or listing the choices took too long: the store is busy.
            body.appendElement("p").addClass("error").text("The query timed out.");
            return new Page(doc, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (RuntimeException e) {
            LOG.warn("Sample query {} failed: {}", q.name(), e.toString());
            body.appendElement("p").addClass("error").text("The query failed: " + e.getMessage());
            return new Page(doc, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    /** The form, then the query as run and its results; the status of the page. */
    private int fill(Element body, SampleQuery q, Map<QueryParameter, String> typed, DatasetGraph dsg) {
        Query query = QueryFactory.create(q.text());
        Map<QueryParameter, Node> chosen = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        typed.forEach((p, raw) -> {
            try {
                chosen.put(p, reader.read(p, raw, dsg));
            } catch (ParameterReader.BadValueException e) {
                errors.add(e.getMessage());
            }
        });
        if (!q.parameters().isEmpty()) {
            form(body, q, query, chosen, typed, dsg);
        }
        if (!errors.isEmpty()) {
            errors.forEach(m -> body.appendElement("p").addClass("error").text(m));
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        Query run = query;
        for (Map.Entry<QueryParameter, Node> e : chosen.entrySet()) {
            run = ParameterBinder.bind(run, e.getKey().var(), e.getValue());
        }
        // The file as it is, or with the chosen values as Jena writes the changed syntax tree.
        String text = chosen.isEmpty() ? q.text() : q.descriptionHeader() + run.serialize();
        Element section = body.appendElement("section").addClass("run");
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        Element raw = section.appendElement("p").appendText("Results from the endpoint: ");
        for (String format : new String[] {"json", "csv", "tsv", "xml"}) {
            raw.appendElement("a").attr("href", "/news/sparql?format=" + format + "&query=" + encoded).text(format);
            raw.appendText(" ");
        }
        section.appendElement("p").appendElement("a").attr("href", uiLink(text)).text("Open in the query UI to edit it");
        section.appendElement("pre").text(text);
        Element table = section.appendElement("table").addClass("results");
        try {
            results(table, run, dsg);
        } catch (QueryCancelledException e) {
            // No partial table: a page shows the whole answer or says it has none.
            table.remove();
            section.appendElement("p").text("The query timed out.");
        } catch (TextIndexParseException e) {
            section.remove();
            body.appendElement("p").addClass("error").text("The word could not be read: " + SearchServlet.why(e)
                    + ". Quote words with special characters (\"C++\"), or leave out + - && || ! ( ) { } [ ] ^ ~ * ? : / \\.");
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        return HttpServletResponse.SC_OK;
    }

    /** A GET form of the parameters, each showing the value the query runs with (chosen, else its default). */
    private void form(Element body, SampleQuery q, Query query, Map<QueryParameter, Node> chosen,
            Map<QueryParameter, String> typed, DatasetGraph dsg) {
        Element form = body.appendElement("form").addClass("params").attr("method", "get")
                .attr("action", "/queries/" + q.name());
        for (QueryParameter p : q.parameters()) {
            boolean choice = p.kind() == QueryParameter.Kind.TOPIC || p.kind() == QueryParameter.Kind.PROVIDER;
            boolean refused = typed.containsKey(p) && !chosen.containsKey(p);
            Node current = chosen.containsKey(p) ? chosen.get(p) : refused && !choice ? null : defaultOf(query, p, dsg);
            String id = "parameter-" + p.name();
            Element row = form.appendElement("div").addClass("parameter");
            row.appendElement("label").attr("for", id).text(capitalised(p.kind().label()));
            if (choice) {
                Element select = row.appendElement("select").attr("name", p.name()).attr("id", id);
                for (ParameterOptions.Option o : ParameterOptions.of(p.kind(), current, dsg, lists)) {
                    Element option = select.appendElement("option").attr("value", o.node().getURI()).text(o.text());
                    if (o.node().equals(current)) {
                        option.attr("selected", true);
                    }
                }
            } else {
                // The value the query runs with; a refused one stays as typed, to be corrected.
                String value = refused ? typed.get(p)
                        : current == null ? "" : current.isURI() ? current.getURI() : current.getLiteralLexicalForm();
                row.appendElement("input").attr("type", "text").attr("name", p.name()).attr("id", id)
                        .attr("value", value).attr("size", p.kind() == QueryParameter.Kind.ITEM ? "50" : "30");
                if (current != null && current.isURI()) {
                    Element now = row.appendElement("div").addClass("now").appendText("Now: ");
                    new ResultCells(dsg, links).fill(now.appendElement("span"), current);
                }
            }
            Element help = row.appendElement("div").addClass("muted").text(p.help());
            if (p.kind() == QueryParameter.Kind.ITEM) {
                help.appendText(" An item's IRI, or the path or URL of its page: ");
                help.appendElement("a").attr("href", "/search").text("search");
                help.appendText(" for one.");
            }
        }
        form.appendElement("button").attr("type", "submit").text("Run");
        if (!typed.isEmpty()) {
            form.appendText(" ");
            form.appendElement("a").attr("href", "/queries/" + q.name()).text("Back to the defaults");
        }
    }

    /** The value the file's own query uses: its VALUES, or the first answer of the subquery that picks it. */
    private Node defaultOf(Query query, QueryParameter p, DatasetGraph dsg) {
        try (QueryExecution qe = execution(ParameterBinder.defaultPick(query, p.var()), dsg)) {
            ResultSet rs = qe.execSelect();
            RDFNode value = rs.hasNext() ? rs.next().get(p.name()) : null;
            return value == null ? null : value.asNode();
        }
    }

    private QueryExecution execution(Query query, DatasetGraph dsg) {
        return QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).set(TDB2.symUnionDefaultGraph, true)
                .timeout(timeoutMillis).build();
    }

    /** Fills {@code table} with the answer; an answer without rows is a sentence saying so instead. */
    private void results(Element table, Query query, DatasetGraph dsg) {
        ResultCells cells = new ResultCells(dsg, links);
        try (QueryExecution qe = execution(query, dsg)) {
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
                    RDFNode value = row.get(v);
                    cells.fill(tr.appendElement("td"), value == null ? null : value.asNode());
                }
            }
            if (rows == 0) {
                table.after(new Element("p").text("No answer: nothing in the store matches."));
                table.remove();
            }
        }
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The Fuseki UI's query editor with this query in it (the UI reads {@code ?query=}). */
    static String uiLink(String queryText) {
        return UiPath.queryEditor(URLEncoder.encode(queryText, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
