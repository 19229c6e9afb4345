package org.newsgraph.server;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/**
 * The state of the store, for the pages' caches: the VoID description's {@code dct:modified},
 * which every build and every {@code --watch} batch rewrites in the transaction of its changes.
 */
final class StoreState {

    private StoreState() {
    }

    /** The store's state, or null if it has no VoID description (then nothing is cached). */
    static String of(DatasetGraph dsg, IriMinter iris) {
        return Txn.calculateRead(dsg, () -> {
            var it = dsg.find(iris.voidGraph(), iris.dataset(), Vocab.DCT_MODIFIED, Node.ANY);
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        });
    }
}
