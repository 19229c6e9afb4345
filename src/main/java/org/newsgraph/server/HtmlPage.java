package org.newsgraph.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsgraph.mapping.Vocab;

/**
 * HTML pages of the server, built as jsoup documents: all text goes in through {@code text()},
 * so titles with markup, or HTML in {@code ng:featuredContent}, are shown, never run.
 */
final class HtmlPage {

    /**
     * The pages' policy: no script at all (they have none, so none that data could smuggle in
     * runs), their one inline style sheet, images and forms from this server, no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Sends a page with its content type and policy. */
    static void send(jakarta.servlet.http.HttpServletResponse response, String html) throws java.io.IOException {
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getOutputStream().write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
            table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border-top:1px solid #ddd;
            padding:.3em .5em;vertical-align:top;text-align:left;overflow-wrap:anywhere}th{width:14em;font-weight:600}code,.iri{font-family:monospace;
            font-size:.9em;word-break:break-all}.muted{color:#777}nav a{margin-right:1em}pre{background:#f6f6f6;
            padding:1em;overflow:auto}h1{overflow-wrap:anywhere}""";

    private final LinkRewriter links;
    private final PrefixMapping prefixes = Vocab.prefixes();

    HtmlPage(LinkRewriter links) {
        this.links = links;
    }

    /** A page with the common head and the navigation links. */
    static Document skeleton(String title) {
        Document doc = Document.createShell("");
        doc.prependChild(new org.jsoup.nodes.DocumentType("html", "", ""));
        doc.title(title);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("style").appendText(STYLE);
        Element nav = doc.body().appendElement("nav");
        nav.appendElement("a").attr("href", "/").text("Query UI");
        nav.appendElement("a").attr("href", "/queries").text("Sample queries");
        nav.appendElement("a").attr("href", "/search").text("Search");
        return doc;
    }

    String describe(NodeDescription d, String selfPath) {
        Document doc = skeleton(d.title());
        Element body = doc.body();
        body.appendElement("h1").text(d.title());
        Element iri = body.appendElement("p");
        iri.appendElement("span").addClass("iri").text(d.node.getURI());
        Element formats = body.appendElement("p").addClass("muted").appendText("As ");
        for (String[] f : new String[][] {{"turtle", "Turtle"}, {"jsonld", "JSON-LD"}, {"ntriples", "N-Triples"}}) {
            formats.appendElement("a").attr("href", selfPath + "?format=" + f[0]).text(f[1]);
            formats.appendText(" ");
        }

        facts(body, d.node, d.outgoing, d);
        d.fragments.forEach((fragment, triples) -> {
            String id = fragment.getURI().substring(fragment.getURI().indexOf('#') + 1);
            Element section = body.appendElement("section").attr("id", id);
            section.appendElement("h2").text("#" + id);
            facts(section, fragment, triples, d);
        });

        if (!d.incoming.isEmpty()) {
            body.appendElement("h2").text("Links to this");
            Element in = body.appendElement("table");
            for (Triple t : d.incoming) {
                Element row = in.appendElement("tr");
                link(row.appendElement("th"), t.getPredicate(), d.graph);
                link(row.appendElement("td"), t.getSubject(), d.graph);
            }
            if (d.incomingTruncated) {
                body.appendElement("p").addClass("muted")
                        .text("Only the first " + NodeDescription.MAX_INCOMING + " links are shown; query for the rest.");
            }
        }
        return doc.outerHtml();
    }

    /** A table of the statements of {@code subject}, one row per property. */
    private void facts(Element into, Node subject, List<Triple> triples, NodeDescription d) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        for (Triple t : triples) {
            if (t.getSubject().equals(subject)) {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new java.util.ArrayList<>()).add(t.getObject());
            }
        }
        Element table = into.appendElement("table");
        byProperty.forEach((p, values) -> {
            Element row = table.appendElement("tr");
            link(row.appendElement("th"), p, d.graph);
            Element cell = row.appendElement("td");
            for (Node v : values) {
                value(cell.appendElement("div"), v, d);
            }
        });
    }

    private void value(Element into, Node v, NodeDescription d) {
        if (v.isLiteral()) {
            into.text(v.getLiteralLexicalForm());
            String dt = v.getLiteralDatatypeURI();
            if (dt != null && !dt.endsWith("#string")) {
                into.appendElement("span").addClass("muted").text(" (" + prefixes.shortForm(dt) + ")");
            }
        } else if (v.isBlank() || d.graph.contains(v, Vocab.NG_KEY, Node.ANY)) {
            // An extra field (a blank node, or a snapshot's …#extra-N): show its key and value.
            String key = lexical(d.graph, v, Vocab.NG_KEY);
            String value = lexical(d.graph, v, Vocab.VALUE);
            into.text(key != null ? key + ": " + value : "[" + v.getBlankNodeLabel() + "]");
        } else {
            link(into, v, d.graph);
        }
    }

    private static String lexical(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        if (!it.hasNext()) {
            return null;
        }
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.toString();
    }

    /** A link to a node, labelled with its label (or its short IRI), pointing at this server where it can. */
    void link(Element into, Node n, Graph g) {
        if (!n.isURI()) {
            into.text(n.toString());
            return;
        }
        var labels = g.find(n, Vocab.LABEL, Node.ANY);
        String label = labels.hasNext() ? labels.next().getObject().getLiteralLexicalForm() : prefixes.shortForm(n.getURI());
        String href = links.href(n.getURI());
        if (href == null) {
            into.text(label);
        } else {
            into.appendElement("a").attr("href", href).text(label);
        }
    }
}
