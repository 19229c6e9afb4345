package org.newsgraph.export;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.JenaException;

/**
 * Compact JSON-LD of a graph, in bounded memory: triples arrive grouped by subject; every few
 * hundred subjects (fewer if they have many triples or long literals) are turned into JSON-LD and
 * compacted against the project's context by Titanium (the JSON-LD processor Jena uses), and their
 * node objects are appended to one {@code @graph} array. A subject with more triples than a chunk
 * holds is split over several node objects with the same {@code @id}, which JSON-LD merges. The context is written inline, so the file stands alone; integers and
 * booleans are native JSON values.
 */
final class JsonLdStreamWriter {

    private static final int SUBJECTS_PER_CHUNK = 500;
    private static final int TRIPLES_PER_CHUNK = 1_000;
    /** Characters of literals per chunk: Titanium holds a chunk several times over as JSON values. */
    private static final long LITERAL_CHARS_PER_CHUNK = 4L << 20;

    private final JsonObject context = JsonLdContext.document();
    private final JsonGenerator json;
    private final List<Triple> chunk = new ArrayList<>();
    private Node lastSubject;
    private int subjects;
    private long literalChars;

    JsonLdStreamWriter(OutputStream out) {
        this.json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(out);
    }

    void write(Iterator<Triple> triples) {
        json.writeStartObject();
        json.write("@context", context.get("@context"));
        json.writeStartArray("@graph");
        while (triples.hasNext()) {
            Triple t = triples.next();
            if (!t.getSubject().equals(lastSubject)) {
                lastSubject = t.getSubject();
                subjects++;
            }
            if (subjects > SUBJECTS_PER_CHUNK || chunk.size() >= TRIPLES_PER_CHUNK
                    || literalChars >= LITERAL_CHARS_PER_CHUNK) {
                flush();
                subjects = 1;
            }
            chunk.add(t);
            if (t.getObject().isLiteral()) {
                literalChars += t.getObject().getLiteralLexicalForm().length();
            }
        }
        flush();
        json.writeEnd();
        json.writeEnd();
        json.flush();
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            QuadsToJsonld consumer = JsonLd.fromRdf();
            consumer.mode(JsonLdVersion.V1_1);
            // Integers and booleans as JSON numbers and true/false: what plain JSON users expect.
            consumer.useNativeTypes(true);
            for (Triple t : chunk) {
                Node o = t.getObject();
                if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage().isEmpty() ? null : o.getLiteralLanguage();
                    consumer.quad(id(t.getSubject()), id(t.getPredicate()), o.getLiteralLexicalForm(),
                            lang == null ? o.getLiteralDatatypeURI() : null, lang, null, null);
                } else {
                    consumer.quad(id(t.getSubject()), id(t.getPredicate()), id(o), null, null, null, null);
                }
            }
            JsonArray expanded = consumer.toJsonLd();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(context)).get();
            JsonValue graph = compacted.get("@graph");
            if (graph != null) {
                graph.asJsonArray().forEach(json::write);
            } else {
                json.write(Json.createObjectBuilder(compacted).remove("@context").build());
            }
        } catch (JsonLdError | RdfConsumerException e) {
            throw new JenaException("cannot write JSON-LD: " + e.getMessage(), e);
        }
        chunk.clear();
        literalChars = 0;
    }

    private static String id(Node n) {
        return n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.getURI();
    }
}
