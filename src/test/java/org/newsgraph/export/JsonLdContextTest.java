package org.newsgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.newsgraph.mapping.Vocab;

/** ontology/context.jsonld names every term of the graph, so JSON users get short keys. */
class JsonLdContextTest {

    @Test
    void everyTermTheMappingWritesHasAShortName() throws IllegalAccessException {
        JsonObject context = JsonLdContext.document().getJsonObject("@context");
        Set<String> expanded = new HashSet<>();
        for (Map.Entry<String, JsonValue> e : context.entrySet()) {
            String id = e.getValue() instanceof JsonObject o ? o.getString("@id") : e.getValue().toString().replace("\"", "");
            int colon = id.indexOf(':');
            if (colon > 0 && context.containsKey(id.substring(0, colon))) {
                id = context.getString(id.substring(0, colon)) + id.substring(colon + 1);
            }
            expanded.add(id);
        }
        expanded.add(org.apache.jena.vocabulary.RDF.type.getURI()); // "type" is the alias of @type
        List<String> missing = new ArrayList<>();
        for (Field f : Vocab.class.getFields()) {
            if (f.getType() == Node.class) {
                String iri = ((Node) f.get(null)).getURI();
                if (!iri.startsWith(Vocab.VOID_NS) && !iri.startsWith(Vocab.DCAT_NS) && !iri.startsWith("http://purl.org/dc/terms/")
                        && !expanded.contains(iri)) {
                    missing.add(iri);
                }
            }
        }
        assertTrue(missing.isEmpty(), "no short name for " + missing);
        assertEquals("@id", context.getString("id"));
    }
}
