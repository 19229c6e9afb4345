package org.newsgraph.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/**
 * A SELECT the pages run over the store, as SPARQL clients see it (the union of the named graphs
 * as default graph), with the server's timeout, its rows read inside one read transaction.
 */
final class StoreQuery {

    static final String PREFIXES = """
            PREFIX schema: <https://schema.org/>
            PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
            PREFIX ng:     <https://w3id.org/newsgraph/vocab#>
            PREFIX void:   <http://rdfs.org/ns/void#>
            PREFIX dct:    <http://purl.org/dc/terms/>
            PREFIX text:   <http://jena.apache.org/text#>
            """;

    private StoreQuery() {
    }

    static Query parse(String body) {
        return QueryFactory.create(PREFIXES + body);
    }

    /** The rows of {@code query} with {@code values} substituted for its variables. */
    static List<QuerySolution> select(DatasetGraph dsg, Query query, Map<String, ? extends RDFNode> values,
            long timeoutMillis) {
        return Txn.calculateRead(dsg, () -> {
            var builder = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                    .set(TDB2.symUnionDefaultGraph, true).timeout(timeoutMillis);
            values.forEach(builder::substitution);
            try (QueryExecution qe = builder.build()) {
                ResultSet rs = qe.execSelect();
                List<QuerySolution> rows = new ArrayList<>();
                // Copied value by value: TDB2's rows may read their nodes lazily, which needs the transaction.
                rs.forEachRemaining(row -> {
                    QuerySolutionMap copy = new QuerySolutionMap();
                    row.varNames().forEachRemaining(v -> copy.add(v, row.get(v)));
                    rows.add(copy);
                });
                return rows;
            }
        });
    }

    /** The lexical form of a literal, the IRI of a resource, or null. */
    static String text(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString();
    }

    static long number(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return n != null && n.isLiteral() ? n.asLiteral().getLong() : 0;
    }
}
