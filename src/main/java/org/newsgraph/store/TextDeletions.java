package org.newsgraph.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.mapping.Vocab;

/**
 * A view of a store with a text index that keeps the index right where jena-text alone does not.
 * jena-text names a document by its subject, graph, field and text (its uid), and headlines and
 * descriptions go to one field ({@link TextIndexes#definition()}): an item whose description
 * repeats its headline has two documents of one uid, and deleting either quad deletes both. So
 * this view remembers each headline and description it deletes, and {@link #restore()}, before
 * the transaction commits, indexes again what the store still holds under that uid.
 */
final class TextDeletions extends DatasetGraphWrapper {

    private static final List<Node> INDEXED = List.of(Vocab.SCHEMA_HEADLINE, Vocab.SCHEMA_DESCRIPTION);

    private final TextIndex index;
    private final Set<Quad> deleted = new LinkedHashSet<>();

    TextDeletions(DatasetGraph dsg) {
        super(dsg);
        this.index = textIndexOf(dsg);
    }

    @Override
    public void delete(Quad q) {
        delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (index != null && o.isLiteral() && INDEXED.contains(p)) {
            deleted.add(Quad.create(g, s, p, o));
        }
        super.delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        // One at a time, so each deletion is seen.
        List<Quad> all = new ArrayList<>();
        find(g, s, p, o).forEachRemaining(all::add);
        all.forEach(this::delete);
    }

    /**
     * Deletes the documents of every uid a deletion touched and indexes again each headline and
     * description the store still holds of it, so the index has one document per quad, as a
     * fresh build makes it. Call it in the write transaction, after the last change.
     */
    void restore() {
        if (index == null || deleted.isEmpty()) {
            return;
        }
        EntityDefinition def = TextIndexes.definition();
        for (Quad q : deleted) {
            Entity gone = TextQueryFuncs.entityFromQuad(def, q);
            if (gone == null) {
                continue;
            }
            index.deleteEntity(gone);
            String text = q.getObject().getLiteralLexicalForm();
            for (Node p : INDEXED) {
                get().find(q.getGraph(), q.getSubject(), p, Node.ANY).forEachRemaining(left -> {
                    if (left.getObject().isLiteral() && left.getObject().getLiteralLexicalForm().equals(text)) {
                        Entity entity = TextQueryFuncs.entityFromQuad(def, left);
                        if (entity != null) {
                            index.addEntity(entity);
                        }
                    }
                });
            }
        }
        deleted.clear();
    }

    /** The text index that the dataset, or one it wraps, keeps; null if none does. */
    private static TextIndex textIndexOf(DatasetGraph dsg) {
        DatasetGraph d = dsg;
        while (!(d instanceof DatasetGraphText) && d instanceof DatasetGraphWrapper w) {
            d = w.getWrapped();
        }
        return d instanceof DatasetGraphText text ? text.getTextIndex() : null;
    }
}
