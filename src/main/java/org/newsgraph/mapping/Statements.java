package org.newsgraph.mapping;

import org.apache.jena.graph.Node;

/** Where the mapping of one description goes: a file's own graph, or a snapshot being built. */
interface Statements {

    void add(Node s, Node p, Node o);

    /** The node of the n-th extra field of {@code subject}. */
    Node extraField(Node subject, int n);
}
