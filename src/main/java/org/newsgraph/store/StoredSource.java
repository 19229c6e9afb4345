package org.newsgraph.store;

import org.apache.jena.graph.Node;

/** What the store knows of a file it loaded: where its triples are, and the content they came from. */
public record StoredSource(Node graph, String root, String path, String contentHash) {
}
