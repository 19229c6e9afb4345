package org.newsgraph.export;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The published JSON-LD context, {@code ontology/context.jsonld} (shipped in the jar). */
public final class JsonLdContext {

    public static final String RESOURCE = "/ontology/context.jsonld";

    private JsonLdContext() {
    }

    /** The whole context document: an object with one {@code @context} member. */
    public static JsonObject document() {
        try (InputStream in = JsonLdContext.class.getResourceAsStream(RESOURCE);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
