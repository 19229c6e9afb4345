package org.newsgraph.server;

import java.net.URI;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newsgraph.mapping.Vocab;

/**
 * Reads what a reader chose or typed for a parameter into the node the query gets: for a topic,
 * provider or item, the IRI of a node of that kind in the store (given as the IRI, the path of
 * its page here, or that page's URL); for a word, a string literal. Anything else is a
 * {@link BadValueException} saying why, shown on the page with a 400.
 */
final class ParameterReader {

    static final int MAX_WORD = 200;
    private static final int SHOWN = 80;

    private final LinkRewriter links;

    ParameterReader(LinkRewriter links) {
        this.links = links;
    }

    /** The node {@code raw} (stripped, not empty) names; call inside a read transaction. */
    Node read(QueryParameter p, String raw, DatasetGraph dsg) {
        if (p.kind() == QueryParameter.Kind.WORD) {
            return word(raw);
        }
        String kind = p.kind().label();
        Node given = iri(raw);
        if (given == null) {
            throw new BadValueException("The " + kind + " \"" + shorten(raw) + "\" is not an IRI, nor the path of a page"
                    + " here such as " + links.basePath() + kind + "/….");
        }
        if (isA(dsg, given, p.kind())) {
            return given;
        }
        // The URL of the node's page on this server, copied from the address bar.
        Node page = pageOf(given.getURI());
        if (page != null && isA(dsg, page, p.kind())) {
            return page;
        }
        throw new BadValueException("There is no " + kind + " <" + shorten(given.getURI()) + "> in the store.");
    }

    private static Node word(String raw) {
        if (raw.length() > MAX_WORD) {
            throw new BadValueException("The word is longer than " + MAX_WORD + " characters.");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw new BadValueException("The word has a control character in it.");
        }
        return NodeFactory.createLiteralString(raw);
    }

    /** {@code raw} as an absolute IRI (a path under the base is the node it names), or null. */
    private Node iri(String raw) {
        String candidate = raw.startsWith("/") && raw.startsWith(links.basePath()) ? links.iriFor(raw) : raw;
        try {
            IRIx iri = IRIx.create(candidate);
            return iri.isAbsolute() ? NodeFactory.createURI(iri.str()) : null;
        } catch (IRIException e) {
            return null;
        }
    }

    private Node pageOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath();
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || path == null
                    || !path.startsWith(links.basePath())) {
                return null;
            }
            return iri(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isA(DatasetGraph dsg, Node n, QueryParameter.Kind kind) {
        return dsg.contains(Node.ANY, n, Vocab.TYPE, kind.type);
    }

    private static String shorten(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "…";
    }

    /** A value that is not one the parameter takes; the message is for the reader. */
    static final class BadValueException extends RuntimeException {
        BadValueException(String message) {
            super(message, null, false, false);
        }
    }
}
