package org.newsgraph.mapping;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.newsgraph.source.Problem;

/**
 * What mapping one file produced, besides its quads: the graph they went to, the warnings, the
 * keys of extra fields kept, and the items the file speaks of (its own and its related ones),
 * which decide what must be resolved again when the file changes.
 */
public record MappedFile(Node graph, long quads, List<Problem> problems, List<String> extraKeys, Set<Node> items) {
}
