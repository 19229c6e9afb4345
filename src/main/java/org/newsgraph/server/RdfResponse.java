package org.newsgraph.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.newsgraph.mapping.Vocab;

/** Content negotiation and writing of RDF answers, with {@code ?format=} for browsers. */
final class RdfResponse {

    static final String HTML = "text/html";
    private static final Map<String, String> FORMATS = Map.of("turtle", "text/turtle", "ttl", "text/turtle",
            "jsonld", "application/ld+json", "ntriples", "application/n-triples", "nt", "application/n-triples",
            "rdfxml", "application/rdf+xml", "html", HTML);
    private static final Map<String, RDFFormat> WRITERS = Map.of("text/turtle", RDFFormat.TURTLE_PRETTY,
            "application/ld+json", RDFFormat.JSONLD11, "application/n-triples", RDFFormat.NTRIPLES,
            "application/rdf+xml", RDFFormat.RDFXML_PLAIN);

    private RdfResponse() {
    }

    /**
     * The media type to answer with: {@code ?format=} if given (null if unknown), else the best of
     * {@code offer} for the Accept header, else the first offer.
     */
    static String choose(HttpServletRequest request, AcceptList offer) {
        String format = request.getParameter("format");
        if (format != null) {
            return FORMATS.get(format.toLowerCase(Locale.ROOT));
        }
        MediaType first = offer.entries().get(0);
        if (request.getHeader("Accept") == null) {
            return first.getContentTypeStr();
        }
        return ConNeg.chooseContentType(request, offer, first).getContentTypeStr();
    }

    static void badFormat(HttpServletResponse response, String format) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                "unknown format '" + format + "' (use turtle, jsonld, ntriples, rdfxml or html)");
    }

    /** Writes {@code graph} as {@code mediaType} (one of the RDF types of {@link #FORMATS}). */
    static void write(HttpServletResponse response, Graph graph, String mediaType) throws IOException {
        RDFFormat format = WRITERS.getOrDefault(mediaType, RDFFormat.TURTLE_PRETTY);
        response.setContentType(mediaType + (mediaType.startsWith("text/") ? "; charset=utf-8" : ""));
        graph.getPrefixMapping().setNsPrefixes(Vocab.prefixes());
        RDFDataMgr.write(response.getOutputStream(), graph, format);
    }
}
