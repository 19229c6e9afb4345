package org.newsgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /neighbourhood.json?node=IRI&depth=1|2}: the {@link Neighbourhood} of an item, provider or
 * topic as JSON, what the neighbourhood page draws. Errors are JSON too: {@code {"error": "…"}}
 * with 400 (no or bad {@code node}, bad {@code depth}), 404 (a node the store does not know, or
 * one that is not an item, provider or topic) or 500.
 */
final class NeighbourhoodServlet extends HttpServlet {

    static final String PATH = "/neighbourhood.json";
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourhoodServlet.class);
    /** Longer than any IRI the mapping mints; a longer parameter is not worth parsing. */
    private static final int MAX_IRI = 4096;

    private final transient Supplier<DatasetGraph> dataset;
    private final LinkRewriter links;
    private final transient Neighbourhood neighbourhood;

    NeighbourhoodServlet(Supplier<DatasetGraph> dataset, LinkRewriter links, Neighbourhood neighbourhood) {
        this.dataset = dataset;
        this.links = links;
        this.neighbourhood = neighbourhood;
    }

    /** What a request asks for. */
    record Request(Node node, int depth) {

        /** Reads {@code node} and {@code depth} (default 2), or says what is wrong with them. */
        static Request of(HttpServletRequest request) {
            String node = request.getParameter("node");
            if (node == null || node.isBlank()) {
                throw new BadRequest("give the node: node=IRI of an item, provider or topic");
            }
            node = node.strip();
            if (node.length() > MAX_IRI) {
                throw new BadRequest("node is not an IRI: longer than " + MAX_IRI + " characters");
            }
            try {
                IRIx iri = IRIx.create(node);
                if (!iri.isAbsolute()) {
                    throw new BadRequest("node is not an absolute IRI: " + node);
                }
            } catch (IRIException e) {
                throw new BadRequest("node is not an IRI: " + node);
            }
            String depth = request.getParameter("depth");
            int d;
            if (depth == null) {
                d = Neighbourhood.MAX_DEPTH;
            } else if (depth.equals("1") || depth.equals("2")) {
                d = Integer.parseInt(depth);
            } else {
                throw new BadRequest("depth must be 1 or 2, not '" + depth + "'");
            }
            return new Request(NodeFactory.createURI(node), d);
        }
    }

    /** A request that cannot be answered as asked: 400, with a message for the user. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** The answer before it is written: a view, or why there is none. */
    private record Answer(Neighbourhood.View view, boolean known) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Request r;
        try {
            r = Request.of(request);
        } catch (BadRequest e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        try {
            long t0 = System.nanoTime();
            DatasetGraph dsg = dataset.get();
            Answer a = Txn.calculateRead(dsg, () -> {
                Neighbourhood.View v = neighbourhood.of(dsg, r.node(), r.depth());
                return new Answer(v, v != null || Neighbourhood.known(dsg, r.node()));
            });
            if (a.view() == null) {
                error(response, HttpServletResponse.SC_NOT_FOUND, a.known()
                        ? r.node().getURI() + " is not an item, provider or topic: it has no neighbourhood to draw"
                        : "nothing is known of " + r.node().getURI());
                return;
            }
            byte[] body = json(a.view()).getBytes(StandardCharsets.UTF_8);
            LOG.debug("Neighbourhood of {} (depth {}): {} nodes, {} edges in {} ms", r.node().getURI(), r.depth(),
                    a.view().nodes().size(), a.view().edges().size(), (System.nanoTime() - t0) / 1_000_000);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (RuntimeException e) {
            LOG.warn("Failed to read the neighbourhood of {}: {}", r.node().getURI(), e.toString());
            if (!response.isCommitted()) {
                error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "could not read the neighbourhood of this node");
            }
        }
    }

    /**
     * The view as JSON, written by hand: a view of 3,000 edges is half a megabyte, which Jena's
     * JSON writer takes tens of milliseconds to indent and this a few.
     */
    String json(Neighbourhood.View v) {
        StringBuilder b = new StringBuilder(256 + v.nodes().size() * 200 + v.edges().size() * 120);
        b.append("{\"node\":");
        string(b, v.start());
        b.append(",\"depth\":").append(v.depth());
        b.append(",\"truncated\":").append(v.truncated());
        b.append(",\"limits\":{\"perNode\":").append(neighbourhood.perNode())
                .append(",\"total\":").append(neighbourhood.total()).append('}');
        b.append(",\"nodes\":[");
        String sep = "";
        for (Neighbourhood.Vertex n : v.nodes()) {
            b.append(sep).append("{\"id\":");
            string(b, n.id());
            b.append(",\"label\":");
            string(b, n.label());
            b.append(",\"kind\":\"").append(n.kind().name()).append('"');
            String href = links.href(n.id());
            if (href != null) {
                b.append(",\"href\":");
                string(b, href);
            }
            if (n.date() != null) {
                b.append(",\"date\":");
                string(b, n.date());
            }
            b.append(",\"step\":").append(n.step());
            if (n.more() > 0) {
                b.append(",\"more\":").append(n.more());
            }
            b.append('}');
            sep = ",";
        }
        b.append("],\"edges\":[");
        sep = "";
        for (Neighbourhood.Edge e : v.edges()) {
            b.append(sep).append("{\"source\":");
            string(b, e.source());
            b.append(",\"target\":");
            string(b, e.target());
            b.append(",\"kind\":\"").append(e.kind().name()).append("\"}");
            sep = ",";
        }
        return b.append("]}").toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259), and U+2028/9 for old parsers. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        StringBuilder b = new StringBuilder("{\"error\":");
        string(b, message);
        byte[] body = b.append('}').toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
