package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dereferences node IRIs under the base: a GET answers, by content negotiation (or
 * {@code ?format=}), Turtle, JSON-LD, N-Triples or an HTML page.
 */
final class LinkedDataServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedDataServlet.class);
    /** Turtle first: what a client that accepts anything gets. */
    private static final AcceptList OFFER = AcceptList.create("text/turtle", "application/ld+json",
            "application/n-triples", "application/rdf+xml", RdfResponse.HTML);

    private final transient Supplier<DatasetGraph> dataset;
    private final LinkRewriter links;

    LinkedDataServlet(Supplier<DatasetGraph> dataset, LinkRewriter links) {
        this.dataset = dataset;
        this.links = links;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String contentType = RdfResponse.choose(request, OFFER);
            if (contentType == null) {
                RdfResponse.badFormat(response, request.getParameter("format"));
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
            if (contentType.equals(RdfResponse.HTML)) {
                HtmlPage.send(response, new HtmlPage(links).describe(d, request.getRequestURI()));
                return;
            }
            RdfResponse.write(response, d.graph, contentType);
        } catch (RuntimeException e) {
            LOG.warn("Failed to describe {}: {}", request.getRequestURI(), e.toString());
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "could not describe this node");
            }
        }
    }
}
