package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dereferences node IRIs under the base: a GET answers, by content negotiation (or
 * {@code ?format=}), Turtle, JSON-LD, N-Triples or an HTML page.
 */
final class LinkedDataServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedDataServlet.class);
    private static final String HTML = "text/html";
    private static final Map<String, String> FORMATS = Map.of("turtle", "text/turtle", "ttl", "text/turtle",
            "jsonld", "application/ld+json", "ntriples", "application/n-triples", "nt", "application/n-triples",
            "html", HTML);
    private static final AcceptList OFFER = AcceptList.create("text/turtle", "application/ld+json",
            "application/n-triples", HTML);

    private final transient Supplier<DatasetGraph> dataset;
    private final LinkRewriter links;

    LinkedDataServlet(Supplier<DatasetGraph> dataset, LinkRewriter links) {
        this.dataset = dataset;
        this.links = links;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String contentType = contentType(request);
            if (contentType == null) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown format '" + request.getParameter("format")
                        + "' (use turtle, jsonld, ntriples or html)");
                return;
            }
            Node node = NodeFactory.createURI(links.iriFor(request.getRequestURI()));
            DatasetGraph dsg = dataset.get();
            NodeDescription d = Txn.calculateRead(dsg, () -> NodeDescription.of(dsg, node));
            response.setHeader("Vary", "Accept");
            if (d == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "nothing is known of " + node.getURI());
                return;
            }
            if (contentType.equals(HTML)) {
                byte[] page = new HtmlPage(links).describe(d, request.getRequestURI()).getBytes(StandardCharsets.UTF_8);
                response.setContentType("text/html; charset=utf-8");
                response.getOutputStream().write(page);
                return;
            }
            response.setContentType(contentType + (contentType.startsWith("text/") ? "; charset=utf-8" : ""));
            d.graph.getPrefixMapping().setNsPrefixes(Vocab.prefixes());
            OutputStream out = response.getOutputStream();
            RDFDataMgr.write(out, d.graph, switch (contentType) {
                case "application/ld+json" -> RDFFormat.JSONLD11;
                case "application/n-triples" -> RDFFormat.NTRIPLES;
                default -> RDFFormat.TURTLE_PRETTY;
            });
        } catch (RuntimeException e) {
            LOG.warn("Failed to describe {}: {}", request.getRequestURI(), e.toString());
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "could not describe this node");
            }
        }
    }

    /** The media type to answer with, or null for an unknown {@code ?format=}. */
    private static String contentType(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null) {
            return FORMATS.get(format.toLowerCase(java.util.Locale.ROOT));
        }
        if (request.getHeader("Accept") == null) {
            return "text/turtle";
        }
        MediaType chosen = ConNeg.chooseContentType(request, OFFER, MediaType.create("text/turtle"));
        return chosen.getContentTypeStr();
    }
}
