package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsgraph.mapping.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /neighbourhood?node=IRI}: a page that draws the neighbourhood of an item, provider or
 * topic with Cytoscape.js. The page itself holds no data but the node's IRI and label (as jsoup
 * text and attributes); {@code /assets/neighbourhood.js} fetches {@code /neighbourhood.json} and
 * draws it. Its policy lets scripts and requests go to this server only, and no inline script.
 */
final class NeighbourhoodPage extends HttpServlet {

    static final String PATH = "/neighbourhood";
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourhoodPage.class);

    /**
     * The page's policy: scripts (its own and Cytoscape.js) and fetches from this server, none
     * inline; styles from this server and the common inline sheet of every page (Cytoscape.js
     * sets element styles from script, which a policy does not restrict); nothing else.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private final transient Supplier<DatasetGraph> dataset;
    private final LinkRewriter links;
    private final String cytoscape;

    NeighbourhoodPage(Supplier<DatasetGraph> dataset, LinkRewriter links, String cytoscape) {
        this.dataset = dataset;
        this.links = links;
        this.cytoscape = cytoscape;
    }

    /** The path of the page of {@code iri}'s neighbourhood. */
    static String path(String iri) {
        return PATH + "?node=" + URLEncoder.encode(iri, StandardCharsets.UTF_8);
    }

    /** True if the node described is one the page can draw: an item, provider or topic. */
    static boolean drawable(NodeDescription d) {
        return d.node.isURI() && (d.graph.contains(d.node, Vocab.TYPE, Vocab.SCHEMA_CREATIVE_WORK)
                || d.graph.contains(d.node, Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION)
                || d.graph.contains(d.node, Vocab.TYPE, Vocab.SKOS_CONCEPT));
    }

    /** The start node as the page names it. */
    private record Start(Neighbourhood.Kind kind, String label, boolean known) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Node node;
        try {
            node = NeighbourhoodServlet.Request.of(request).node();
        } catch (NeighbourhoodServlet.BadRequest e) {
            problem(response, HttpServletResponse.SC_BAD_REQUEST, "Neighbourhood", e.getMessage());
            return;
        }
        Start start;
        try {
            DatasetGraph dsg = dataset.get();
            start = Txn.calculateRead(dsg, () -> {
                Neighbourhood.Kind kind = Neighbourhood.kindOf(dsg, node);
                return new Start(kind, NodeDescription.labelText(dsg, node, node.getURI()),
                        kind != null || Neighbourhood.known(dsg, node));
            });
        } catch (RuntimeException e) {
            LOG.warn("Failed to read {}: {}", node.getURI(), e.toString());
            problem(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Neighbourhood",
                    "Could not read this node from the store.");
            return;
        }
        if (start.kind() == null) {
            problem(response, HttpServletResponse.SC_NOT_FOUND, "Neighbourhood", start.known()
                    ? node.getURI() + " is not an item, provider or topic: it has no neighbourhood to draw"
                    : "nothing is known of " + node.getURI());
            return;
        }
        send(response, page(node.getURI(), start));
    }

    private String page(String iri, Start start) {
        Document doc = HtmlPage.skeleton("Neighbourhood: " + start.label());
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", StaticResources.STYLE);
        Element body = doc.body();
        body.addClass("neighbourhood");
        body.appendElement("h1").text("Neighbourhood of " + start.label());
        Element about = body.appendElement("p").addClass("muted");
        about.appendText("The " + start.kind().name() + "'s related items, providers and topics, two steps out. ");
        String href = links.href(iri);
        if (href != null) {
            about.appendElement("a").attr("href", href).text("Its page");
            about.appendText(" · ");
        }
        about.appendElement("a").attr("href", NeighbourhoodServlet.PATH + "?node="
                + URLEncoder.encode(iri, StandardCharsets.UTF_8)).text("As JSON");

        Element legend = body.appendElement("ul").addClass("legend").attr("aria-label", "legend");
        for (String[] k : new String[][] {{"start", "this node"}, {"item", "item"}, {"provider", "provider"},
                {"topic", "topic"}}) {
            Element li = legend.appendElement("li");
            li.appendElement("span").addClass("swatch").addClass(k[0]).attr("aria-hidden", "true");
            li.appendText(k[1]);
        }
        legend.appendElement("li").addClass("muted")
                .text("Click a node to expand it; double-click it, or use the link below, to open its page.");

        // Filled by the script, with textContent only.
        body.appendElement("p").attr("id", "note").addClass("note").attr("role", "status").attr("hidden", "");
        body.appendElement("div").attr("id", "graph").attr("data-node", iri).attr("data-source", NeighbourhoodServlet.PATH)
                .attr("data-state", "loading").attr("data-nodes", "0").attr("aria-label", "graph of the neighbourhood");
        Element details = body.appendElement("p").attr("id", "details").attr("aria-live", "polite");
        details.appendElement("span").attr("id", "details-text").text("Loading the graph…");
        details.appendText(" ");
        details.appendElement("a").attr("id", "details-link").attr("hidden", "").text("Open its page");
        body.appendElement("noscript").appendElement("p")
                .text("Drawing the graph needs JavaScript; the node's page lists the same links.");
        body.appendElement("script").attr("src", cytoscape);
        body.appendElement("script").attr("src", StaticResources.SCRIPT);
        return doc.outerHtml();
    }

    private static void problem(HttpServletResponse response, int status, String title, String message)
            throws IOException {
        Document doc = HtmlPage.skeleton(title);
        doc.body().appendElement("h1").text(title);
        doc.body().appendElement("p").addClass("error").text(message);
        response.setStatus(status);
        // No script on these: the pages' usual script-free policy.
        HtmlPage.send(response, doc.outerHtml());
    }

    private static void send(HttpServletResponse response, String html) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
