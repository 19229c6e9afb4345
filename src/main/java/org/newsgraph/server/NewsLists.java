package org.newsgraph.server;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The lists the pages show: the items of a provider or topic newest first, a page at a time, and
 * their count per month; the newest items; the most used topics and providers. Only items
 * ({@code schema:CreativeWork}) count, never the snapshots that also name a provider or topic,
 * and each item once.
 */
final class NewsLists {

    /** A topic or provider with the number of items that name it. */
    record Count(String iri, String label, long items) {
    }

    /** A month ({@code 2024-05}) and the number of items published in it. */
    record Month(String month, long items) {
    }

    /** The first and last publication dates as written, null when no item has one. */
    record DateRange(String first, String last) {
    }

    /** One page of a longer list, and the length of the whole list. */
    record Page(List<ItemSummary> items, long total) {
    }

    private static final Query ITEMS_OF = StoreQuery.parse("SELECT ?item " + ItemSummary.FIELDS
            + " WHERE { ?item ?link ?node ; a schema:CreativeWork .\n" + ItemSummary.PATTERNS
            + "} GROUP BY ?item ORDER BY DESC(?date) ?item");
    private static final Query COUNT_OF = StoreQuery.parse(
            "SELECT (COUNT(DISTINCT ?item) AS ?n) WHERE { ?item ?link ?node ; a schema:CreativeWork }");
    private static final Query MONTHS_OF = StoreQuery.parse("""
            SELECT ?month (COUNT(DISTINCT ?item) AS ?n)
            WHERE { ?item ?link ?node ; a schema:CreativeWork ; schema:datePublished ?d .
                    BIND (SUBSTR(STR(?d), 1, 7) AS ?month) }
            GROUP BY ?month ORDER BY ?month""");
    private static final Query NEWEST = StoreQuery.parse("SELECT ?item " + ItemSummary.FIELDS
            + " WHERE { ?item a schema:CreativeWork ; schema:datePublished [] .\n" + ItemSummary.PATTERNS
            + "} GROUP BY ?item ORDER BY DESC(?date) ?item");
    private static final Query MOST_USED = StoreQuery.parse("""
            SELECT ?node (COUNT(DISTINCT ?item) AS ?n) (SAMPLE(?l) AS ?label)
            WHERE { ?item a schema:CreativeWork ; ?link ?node .
                    OPTIONAL { ?node skos:prefLabel|schema:name ?l } }
            GROUP BY ?node ORDER BY DESC(?n) ?node""");
    private static final Query DATES = StoreQuery.parse("""
            SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last)
            WHERE { ?item a schema:CreativeWork ; schema:datePublished ?d }""");

    private final long timeoutMillis;

    NewsLists(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** The items whose {@code link} (schema:about, schema:publisher) is {@code node}, newest first. */
    Page itemsOf(DatasetGraph dsg, Node link, Node node, int page, int size) {
        Map<String, RDFNode> values = Map.of("link", resource(link), "node", resource(node));
        long total = StoreQuery.number(StoreQuery.select(dsg, COUNT_OF, values, timeoutMillis).get(0), "n");
        Query q = ITEMS_OF.cloneQuery();
        q.setOffset((long) (page - 1) * size);
        q.setLimit(size);
        return new Page(summaries(StoreQuery.select(dsg, q, values, timeoutMillis)), total);
    }

    List<Month> monthsOf(DatasetGraph dsg, Node link, Node node) {
        return StoreQuery.select(dsg, MONTHS_OF, Map.of("link", resource(link), "node", resource(node)), timeoutMillis)
                .stream().map(r -> new Month(StoreQuery.text(r, "month"), StoreQuery.number(r, "n"))).toList();
    }

    List<ItemSummary> newest(DatasetGraph dsg, int limit) {
        Query q = NEWEST.cloneQuery();
        q.setLimit(limit);
        return summaries(StoreQuery.select(dsg, q, Map.of(), timeoutMillis));
    }

    /** The nodes most items link to with {@code link}, most used first. */
    List<Count> mostUsed(DatasetGraph dsg, Node link, int limit) {
        Query q = MOST_USED.cloneQuery();
        q.setLimit(limit);
        return StoreQuery.select(dsg, q, Map.of("link", resource(link)), timeoutMillis).stream()
                .map(r -> new Count(StoreQuery.text(r, "node"), StoreQuery.text(r, "label"), StoreQuery.number(r, "n")))
                .toList();
    }

    DateRange dateRange(DatasetGraph dsg) {
        QuerySolution row = StoreQuery.select(dsg, DATES, Map.of(), timeoutMillis).get(0);
        return new DateRange(StoreQuery.text(row, "first"), StoreQuery.text(row, "last"));
    }

    private static List<ItemSummary> summaries(List<QuerySolution> rows) {
        return rows.stream().map(ItemSummary::of).toList();
    }

    private static RDFNode resource(Node n) {
        return ResourceFactory.createResource(n.getURI());
    }
}
