package org.newsgraph.store;

import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * An open store: the TDB2 database with its text index attached, so that every write through
 * {@link #dataset()} keeps the index current in the same transaction. Close it when done: the
 * index holds a Lucene write lock.
 */
public final class NewsStore implements AutoCloseable {

    private final StoreLayout layout;
    private final DatasetGraph database;
    private final DatasetGraphText dataset;

    private NewsStore(StoreLayout layout) {
        this.layout = layout;
        this.database = TdbStore.connect(layout.database());
        TextIndex index = TextIndexes.open(layout.textIndex());
        this.dataset = (DatasetGraphText) TextDatasetFactory.create(database, index, true);
    }

    public static NewsStore open(StoreLayout layout) {
        return new NewsStore(layout);
    }

    /** The store with text search (and index maintenance). */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** The bare TDB2 database. */
    public DatasetGraph database() {
        return database;
    }

    /** The text index of {@link #dataset()}. */
    TextIndex textIndex() {
        return dataset.getTextIndex();
    }

    @Override
    public void close() {
        dataset.getTextIndex().close();
        TdbStore.release(layout.database());
    }
}
