package org.newsgraph.server;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.newsgraph.mapping.Vocab;

/**
 * A value a sample query lets its reader choose, declared in the query's header as
 * {@code # Parameter ?topic (topic): what it is}. The query binds the variable itself, by a
 * subquery that picks a default or by {@code VALUES}, so the file runs unchanged anywhere; a
 * chosen value replaces that element (see {@link ParameterBinder}).
 */
record QueryParameter(String name, Kind kind, String help) {

    /** What a value of the parameter is; for nodes, the class every allowed value has in the store. */
    enum Kind {
        TOPIC(Vocab.SKOS_CONCEPT), PROVIDER(Vocab.SCHEMA_ORGANIZATION), ITEM(Vocab.SCHEMA_CREATIVE_WORK), WORD(null);

        final Node type;

        Kind(Node type) {
            this.type = type;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern DECLARATION = Pattern.compile("Parameter \\?(\\w+) \\((topic|provider|item|word)\\): (.+)");

    Var var() {
        return Var.alloc(name);
    }

    /** The parameter a header comment line (without its {@code #}) declares, if it is a declaration. */
    static Optional<QueryParameter> declaredBy(String comment) {
        Matcher m = DECLARATION.matcher(comment);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new QueryParameter(m.group(1), Kind.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                m.group(3).strip()));
    }
}
