package org.newsgraph.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * runs), their one inline style sheet, images from the web (an item's pictures are where its
     * source says), forms to this server only, no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: http:;"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Sends a page with its content type and policy. */
    static void send(jakarta.servlet.http.HttpServletResponse response, String html) throws java.io.IOException {
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getOutputStream().write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
            table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border-top:1px solid #ddd;
            padding:.3em .5em;vertical-align:top;text-align:left;overflow-wrap:anywhere}th{width:14em;font-weight:600}code,.iri{font-family:monospace;
            font-size:.9em;word-break:break-all}.muted{color:#666}.listed-as{color:#8a5a00;font-size:.9em}nav{margin-bottom:1em}nav a{margin-right:1em}pre{background:#f6f6f6;
            padding:1em;overflow:auto}h1{overflow-wrap:anywhere;margin-bottom:.2em}.byline{color:#444;margin-top:0}
            .columns{display:flex;gap:2em;flex-wrap:wrap}.columns>#newest{flex:2 1 30em}.columns>#top{flex:1 1 16em}
            ol.items>li,ol.hits>li{margin-bottom:.6em}.lead{font-size:1.1em}figure{margin:1em 0}
            figure img{max-width:100%;max-height:24em;height:auto}figcaption{color:#666;font-size:.9em}
            details{margin:1em 0}summary{cursor:pointer;color:#0645ad}.chart{margin:1em 0;max-width:100%;height:auto}.error{color:#a00}
            .tags a{margin-right:.8em}.pages a{margin-right:1em}form.search{margin:1em 0}form.search input{font-size:1.1em;padding:.3em;
            width:min(36em,70%)}form.search button{font-size:1.1em;padding:.3em .8em}.glance{font-size:1.05em}""";

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
        doc.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
        Element nav = doc.body().appendElement("nav");
        nav.appendElement("a").attr("href", "/").text("Home");
        nav.appendElement("a").attr("href", "/search").text("Search");
        nav.appendElement("a").attr("href", "/queries").text("Sample queries");
        nav.appendElement("a").attr("href", UiPath.PATH).text("Query UI");
        return doc;
    }

    /** The page a {@code ?page=} parameter asks for: 1 unless it is a number from 1 to 100,000. */
    static int pageNumber(String value) {
        try {
            return value == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The search box, sending {@code q} to {@code /search}. */
    static void searchForm(Element into, String q) {
        Element form = into.appendElement("form").attr("action", "/search").attr("method", "get").addClass("search");
        form.appendElement("input").attr("type", "search").attr("name", "q").attr("value", q)
                .attr("aria-label", "words to search for").attr("placeholder", "Search the news").attr("size", "50");
        form.appendElement("button").attr("type", "submit").text("Search");
    }

    /**
     * A numbered list of items from {@code start}: headline linking to the item's page, then date
     * and provider, and with {@code snippets} the start of the description.
     */
    static Element itemList(Element into, List<ItemSummary> items, LinkRewriter links, int start, boolean snippets) {
        Element list = into.appendElement("ol").attr("start", Integer.toString(start)).addClass("items");
        for (ItemSummary item : items) {
            Element li = list.appendElement("li");
            link(li, item.iri(), item.headline() == null ? item.iri() : item.headline(), links);
            List<String> about = new java.util.ArrayList<>();
            if (item.date() != null) {
                about.add(day(item.date()));
            }
            if (item.provider() != null) {
                about.add(item.provider());
            }
            if (!about.isEmpty()) {
                li.appendElement("div").addClass("muted").text(String.join(" · ", about));
            }
            if (snippets && item.description() != null) {
                String d = item.description().strip();
                li.appendElement("div").text(d.length() > SNIPPET ? d.substring(0, SNIPPET) + "…" : d);
            }
        }
        return list;
    }

    private static final int SNIPPET = 240;
    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
            "(-?\\d{4,}-\\d\\d-\\d\\d)T(\\d\\d:\\d\\d)(?::\\d\\d(?:\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)?");

    /** {@code 2021-08-29T05:09:00Z} as {@code 2021-08-29 05:09 UTC}; an offset as written; null if not one. */
    static String dateTime(String lexical) {
        var m = DATE_TIME.matcher(lexical);
        if (!m.matches()) {
            return null;
        }
        String zone = m.group(3) == null ? "" : m.group(3).equals("Z") ? " UTC" : " " + m.group(3);
        return m.group(1) + " " + m.group(2) + zone;
    }

    /** A date-time as {@link #dateTime} shows it; anything else (a bare date) as written. */
    static String readableDate(String date) {
        String readable = dateTime(date);
        return readable == null ? date : readable;
    }

    /** The day of a date or date-time as written ({@code 2024-05-01T08:00:00Z} → {@code 2024-05-01}). */
    static String day(String date) {
        return date == null || date.length() < 10 ? date : date.substring(0, 10);
    }

    /** Links to the node's neighbourhood view (if it has one) and to this page in RDF: Turtle, JSON-LD, N-Triples. */
    static void formats(Element into, String selfPath, Node drawable) {
        Element formats = into.appendElement("p").addClass("muted formats");
        if (drawable != null) {
            formats.appendElement("a").addClass("neighbourhood").attr("href", NeighbourhoodPage.path(drawable.getURI()))
                    .text("Neighbourhood");
            formats.appendText(" · ");
        }
        formats.appendText("As ");
        for (String[] f : new String[][] {{"turtle", "Turtle"}, {"jsonld", "JSON-LD"}, {"ntriples", "N-Triples"}}) {
            formats.appendElement("a").attr("href", selfPath + "?format=" + f[0]).text(f[1]);
            formats.appendText(" ");
        }
    }

    /** The page of a node that is not an item, provider or topic: its statements. */
    String describe(NodeDescription d, String selfPath) {
        Document doc = skeleton(d.title());
        Element body = doc.body();
        body.appendElement("h1").text(d.title());
        Element iri = body.appendElement("p");
        iri.appendElement("span").addClass("iri").text(d.node.getURI());
        formats(body, selfPath, NeighbourhoodPage.drawable(d) ? d.node : null);
        statements(body, d, Set.of());
        return doc.outerHtml();
    }

    /**
     * Every statement of the node (with its local parts, such as a file's related list) and the
     * statements that link to it, leaving out links with a predicate in {@code shownElsewhere}.
     */
    void statements(Element body, NodeDescription d, Set<Node> shownElsewhere) {
        facts(body, d.node, d.outgoing, d);
        d.fragments.forEach((fragment, triples) -> {
            String id = fragment.getURI().substring(fragment.getURI().indexOf('#') + 1);
            Element section = body.appendElement("section").attr("id", id);
            section.appendElement("h3").text("#" + id);
            facts(section, fragment, triples, d);
        });
        List<Triple> incoming = d.incoming.stream().filter(t -> !shownElsewhere.contains(t.getPredicate())).toList();
        if (!incoming.isEmpty()) {
            body.appendElement("h3").text("Links to this");
            Element in = body.appendElement("table").addClass("incoming");
            Element head = in.appendElement("tr");
            head.appendElement("th").text("From");
            head.appendElement("th").text("by the property");
            for (Triple t : incoming) {
                // Read as a sentence: "Azure  skos:narrower  (this)".
                Element row = in.appendElement("tr");
                link(row.appendElement("td"), t.getSubject(), d.graph);
                link(row.appendElement("td"), t.getPredicate(), d.graph);
            }
            if (d.incomingTruncated) {
                body.appendElement("p").addClass("muted")
                        .text("Only the first " + NodeDescription.MAX_INCOMING + " links are shown; query for the rest.");
            }
        }
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
            String key = NodeDescription.value(d.graph, v, Vocab.NG_KEY);
            String value = NodeDescription.value(d.graph, v, Vocab.VALUE);
            into.text(key != null ? key + ": " + value : "[" + v.getBlankNodeLabel() + "]");
        } else {
            link(into, v, d.graph);
        }
    }

    /**
     * A link labelled {@code label} to where a browser should go for {@code iri}, or the label as
     * text when it must not be a link (see {@link LinkRewriter#href}).
     */
    static Element link(Element into, String iri, String label, LinkRewriter links) {
        String href = links.href(iri);
        return href == null ? into.appendElement("span").text(label) : into.appendElement("a").attr("href", href).text(label);
    }

    /** A link to a node, labelled with its label (or its short IRI), pointing at this server where it can. */
    void link(Element into, Node n, Graph g) {
        if (!n.isURI()) {
            into.text(n.toString());
            return;
        }
        var labels = g.find(n, Vocab.LABEL, Node.ANY);
        String label = labels.hasNext() ? labels.next().getObject().getLiteralLexicalForm() : prefixes.shortForm(n.getURI());
        link(into, n.getURI(), label, links);
    }
}
