package org.newsgraph.store;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.Vocab;

/** The files a store holds, read back from the provenance of their graphs. */
final class SourceIndex {

    private SourceIndex() {
    }

    /** Graph IRI → what was loaded into it. Call inside a read transaction. */
    static Map<Node, StoredSource> read(DatasetGraph dsg) {
        Map<Node, String> roots = objects(dsg, Vocab.NG_SOURCE_ROOT);
        Map<Node, String> paths = objects(dsg, Vocab.NG_PATH);
        Map<Node, String> hashes = objects(dsg, Vocab.NG_CONTENT_HASH);
        Map<Node, StoredSource> index = new HashMap<>();
        hashes.forEach((graph, hash) -> {
            String root = roots.get(graph);
            String path = paths.get(graph);
            if (root != null && path != null) {
                index.put(graph, new StoredSource(graph, root, path, hash));
            }
        });
        return index;
    }

    /** Graph → the lexical form of the object of {@code property} in that graph. */
    private static Map<Node, String> objects(DatasetGraph dsg, Node property) {
        Map<Node, String> values = new HashMap<>();
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, property, Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (q.getObject().isLiteral()) {
                values.put(q.getGraph(), q.getObject().getLiteralLexicalForm());
            }
        }
        return values;
    }
}
