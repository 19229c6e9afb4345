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
import org.newsgraph.mapping.Vocab;
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
    private final transient NewsLists lists;

    LinkedDataServlet(Supplier<DatasetGraph> dataset, LinkRewriter links, NewsLists lists) {
        this.dataset = dataset;
        this.links = links;
        this.lists = lists;
    }

    /** The page for a person: news first for items, providers and topics, the statements for anything else. */
    private String html(DatasetGraph dsg, Node node, NodeDescription d, String selfPath, int page) {
        HtmlPage html = new HtmlPage(links);
        if (d.graph.contains(node, Vocab.TYPE, Vocab.SCHEMA_CREATIVE_WORK)) {
            return new ItemPage(html, links).render(ItemView.read(dsg, node), d, selfPath);
        }
        boolean topic = d.graph.contains(node, Vocab.TYPE, Vocab.SKOS_CONCEPT);
        if (topic || d.graph.contains(node, Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION)) {
            return new CollectionPage(html, links, lists).render(dsg, CollectionView.read(dsg, node, topic, d.title()), d,
                    selfPath, page);
        }
        return html.describe(d, selfPath);
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
                int page = HtmlPage.pageNumber(request.getParameter("page"));
                HtmlPage.send(response, Txn.calculateRead(dsg, () -> html(dsg, node, d, request.getRequestURI(), page)));
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
