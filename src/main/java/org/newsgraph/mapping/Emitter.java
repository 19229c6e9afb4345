package org.newsgraph.mapping;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;

/** Collects the statements of one file's own named graph. */
final class Emitter implements Statements {

    private final Node graph;
    private final List<Quad> quads = new ArrayList<>();

    Emitter(Node graph) {
        this.graph = graph;
    }

    Node graph() {
        return graph;
    }

    @Override
    public void add(Node s, Node p, Node o) {
        if (o != null) {
            quads.add(Quad.create(graph, s, p, o));
        }
    }

    /** A blank node: the graph is replaced whole when its file changes, so no name is needed. */
    @Override
    public Node extraField(Node subject, int n) {
        return NodeFactory.createBlankNode();
    }

    List<Quad> quads() {
        return quads;
    }
}
