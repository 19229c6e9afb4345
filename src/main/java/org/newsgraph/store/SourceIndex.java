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

    /**
     * Graph IRI → the content hash of the file loaded into it, without a stamp (the store does
     * not know the file's time). Only the hashes are read for every file: a file's root and path
     * ({@link #source}) matter only when it was not seen again. Call inside a transaction.
     */
    static Map<Node, FileIndex.Entry> entries(DatasetGraph dsg) {
        Map<Node, FileIndex.Entry> values = new HashMap<>();
        Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Vocab.NG_CONTENT_HASH, Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (q.getObject().isLiteral()) {
                values.put(q.getGraph(), new FileIndex.Entry(q.getObject().getLiteralLexicalForm(), null));
            }
        }
        return values;
    }

    /** What the store knows of the file loaded into {@code graph}, or null. Call inside a transaction. */
    static StoredSource source(DatasetGraph dsg, Node graph) {
        String root = object(dsg, graph, Vocab.NG_SOURCE_ROOT);
        String path = object(dsg, graph, Vocab.NG_PATH);
        String hash = object(dsg, graph, Vocab.NG_CONTENT_HASH);
        return root == null || path == null || hash == null ? null : new StoredSource(graph, root, path, hash);
    }

    private static String object(DatasetGraph dsg, Node graph, Node property) {
        Iterator<Quad> it = dsg.find(graph, Node.ANY, property, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) {
                return o.getLiteralLexicalForm();
            }
        }
        return null;
    }
}
