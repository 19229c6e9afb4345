package org.newsgraph.mapping;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/** Writes triples of one named graph to a {@link StreamRDF} as quads. */
final class Emitter {

    private final StreamRDF out;
    private final Node graph;
    private long count;

    Emitter(StreamRDF out, Node graph) {
        this.out = out;
        this.graph = graph;
    }

    Node graph() {
        return graph;
    }

    void add(Node s, Node p, Node o) {
        if (o != null) {
            out.quad(Quad.create(graph, s, p, o));
            count++;
        }
    }

    long count() {
        return count;
    }
}
