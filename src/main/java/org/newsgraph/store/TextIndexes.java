package org.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.store.FSDirectory;
import org.newsgraph.mapping.Vocab;

/**
 * The jena-text Lucene index over headlines and descriptions. Its definition here must match
 * the entity map in {@code fuseki-config/config.ttl}, which stock Fuseki reads.
 */
public final class TextIndexes {

    private TextIndexes() {
    }

    public static EntityDefinition definition() {
        // One field for both properties, so that a plain `?s text:query "word"` searches both.
        EntityDefinition def = new EntityDefinition("uri", "text", Vocab.SCHEMA_HEADLINE);
        def.set("text", Vocab.SCHEMA_DESCRIPTION);
        def.setUidField("uid");
        def.setGraphField("graph");
        return def;
    }

    /** A text index at {@code dir} (created if missing). */
    static TextIndex open(Path dir) {
        try {
            return TextDatasetFactory.createLuceneIndex(FSDirectory.open(dir), new TextIndexConfig(definition()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code out}, with every headline and description that passes through it also added to
     * {@code index}, which the caller commits.
     */
    static StreamRDF indexing(StreamRDF out, TextIndex index) {
        EntityDefinition def = definition();
        return new StreamRDFWrapper(out) {
            @Override
            public void quad(Quad quad) {
                super.quad(quad);
                Entity entity = TextQueryFuncs.entityFromQuad(def, quad);
                if (entity != null) {
                    index.addEntity(entity);
                }
            }
        };
    }
}
