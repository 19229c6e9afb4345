package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.Vocab;

/** {@code /.well-known/void}: the store's VoID description; Turtle unless the client asks otherwise. */
final class VoidServlet extends HttpServlet {

    private static final AcceptList OFFER = AcceptList.create("text/turtle", "application/ld+json",
            "application/n-triples", "application/rdf+xml");

    private final transient Supplier<DatasetGraph> dataset;
    private final transient Node voidGraph;

    VoidServlet(Supplier<DatasetGraph> dataset, Node voidGraph) {
        this.dataset = dataset;
        this.voidGraph = voidGraph;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = RdfResponse.choose(request, OFFER);
        if (type == null || type.equals(RdfResponse.HTML)) {
            RdfResponse.badFormat(response, request.getParameter("format"));
            return;
        }
        DatasetGraph dsg = dataset.get();
        Graph description = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.getGraph(voidGraph).find().forEachRemaining(description::add));
        if (description.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "this store has no VoID description; rebuild it");
            return;
        }
        response.setHeader("Vary", "Accept");
        RdfResponse.write(response, whereThisServerAnswers(description, Origins.of(request)), type);
    }

    /**
     * The build names the endpoint and dump at its base's origin (localhost:3030 by default); the
     * server says where it actually answered this request.
     */
    static Graph whereThisServerAnswers(Graph description, String origin) {
        Graph served = GraphFactory.createDefaultGraph();
        description.find().forEachRemaining(t -> {
            Node o = t.getObject();
            if ((t.getPredicate().equals(Vocab.VOID_SPARQL_ENDPOINT) || t.getPredicate().equals(Vocab.VOID_DATA_DUMP))
                    && o.isURI()) {
                java.net.URI uri = java.net.URI.create(o.getURI());
                String rest = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                o = NodeFactory.createURI(origin + rest);
            }
            served.add(t.getSubject(), t.getPredicate(), o);
        });
        return served;
    }
}
