package org.newsgraph.mapping;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.source.Problem;

/**
 * What mapping one file produced: the quads of its own graph, the shared descriptions it refers to
 * (each also given by other files, stored once), the warnings, the keys of extra fields kept, and
 * the items, providers and topics it speaks of, whose resolution must be redone when it changes.
 */
public record MappedFile(Node graph, List<Quad> quads, List<SharedDescription> shared, List<Problem> problems,
        List<String> extraKeys, Set<Node> resolvable) {
}
