package org.newsgraph.export;

import java.util.Locale;

/** The formats {@code export} writes. Triple formats get a graph; quad formats keep named graphs. */
public enum ExportFormat {
    TURTLE(false, "text/turtle"),
    TRIG(true, "application/trig"),
    NQUADS(true, "application/n-quads"),
    NTRIPLES(false, "application/n-triples"),
    JSONLD(false, "application/ld+json"),
    RDFXML(false, "application/rdf+xml");

    private final boolean quads;
    private final String mediaType;

    ExportFormat(boolean quads, String mediaType) {
        this.quads = quads;
        this.mediaType = mediaType;
    }

    public boolean isQuads() {
        return quads;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
