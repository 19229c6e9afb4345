package org.newsgraph.server;

import org.apache.jena.query.QuerySolution;

/** An item as a list shows it: headline, date, provider and the start of its description. */
record ItemSummary(String iri, String headline, String date, String provider, String description) {

    /**
     * The SELECT clause and optional patterns that fill an item summary for {@code ?item}, one row
     * per item (an item's fields come from its own file, or from the snapshot that resolved it).
     */
    static final String FIELDS = "(SAMPLE(?h) AS ?headline) (MAX(?d) AS ?date) (SAMPLE(?pn) AS ?provider)"
            + " (SAMPLE(?desc) AS ?description)";
    static final String PATTERNS = """
              OPTIONAL { ?item schema:headline ?h }
              OPTIONAL { ?item schema:datePublished ?d }
              OPTIONAL { ?item schema:publisher/schema:name ?pn }
              OPTIONAL { ?item schema:description ?desc }
            """;

    static ItemSummary of(QuerySolution row) {
        return new ItemSummary(StoreQuery.text(row, "item"), StoreQuery.text(row, "headline"),
                StoreQuery.text(row, "date"), StoreQuery.text(row, "provider"), StoreQuery.text(row, "description"));
    }

    /** The day of a date or date-time as written ({@code 2024-05-01T08:00:00Z} → {@code 2024-05-01}). */
    static String day(String date) {
        return date == null || date.length() < 10 ? date : date.substring(0, 10);
    }
}
