package org.newsgraph.mapping;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * What the shared graph says of one node: a snapshot named from its content, or the identity of
 * a provider, topic or image (what its IRI already implies). Many files give the same one; the
 * store holds it once, for as long as some file refers to {@code node}.
 */
public record SharedDescription(Node node, List<Triple> triples) {
}
