package org.newsgraph.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Mints node IRIs under a base. IRIs depend only on the base and the thing's identity, never on
 * the run or the machine: items and images by a hash of their normalised URL, providers by
 * domain, topics by slugged name, graphs by source root and path.
 */
public final class IriMinter {

    /** The default base, documented in README: node IRIs dereference on a local {@code serve}. */
    public static final String DEFAULT_BASE = "http://localhost:3030/id/";

    private final String base;

    public IriMinter(String base) {
        this.base = base.endsWith("/") || base.endsWith("#") ? base : base + "/";
    }

    public String base() {
        return base;
    }

    public Node item(String urlKey) {
        return iri("item/" + hash(urlKey));
    }

    /** True if {@code node} is an item minted here. */
    public boolean isItem(Node node) {
        return minted(node, "item/");
    }

    /** True if {@code node} is a provider minted here. */
    public boolean isProvider(Node node) {
        return minted(node, "provider/");
    }

    /** True if {@code node} is a topic minted here. */
    public boolean isTopic(Node node) {
        return minted(node, "topic/");
    }

    /** A snapshot: a description as a source gave it, named from its content ({@link #hash}). */
    public Node snapshot(String contentHash) {
        return iri("snapshot/" + contentHash);
    }

    /**
     * True if {@code node} is stated once in the shared graph, for as long as some file refers to
     * it: a snapshot, or the identity of a provider, topic or image.
     */
    public boolean isShared(Node node) {
        return (minted(node, "snapshot/") || minted(node, "provider/") || minted(node, "topic/")
                || minted(node, "image/")) && node.getURI().indexOf('#', base.length()) < 0;
    }

    private boolean minted(Node node, String kind) {
        return node.isURI() && node.getURI().startsWith(base + kind);
    }

    public Node image(String urlKey) {
        return iri("image/" + hash(urlKey));
    }

    public Node provider(String domain) {
        return iri("provider/" + segment(domain(domain)));
    }

    /** A domain as providers are known by it: without surrounding space, in lower case. */
    public static String domain(String domain) {
        return domain.strip().toLowerCase(Locale.ROOT);
    }

    /** A provider the source names without a domain. */
    public Node providerByName(String name) {
        return iri("provider/by-name/" + slug(name));
    }

    public Node topic(String name) {
        return iri("topic/" + slug(name));
    }

    public Node topicScheme() {
        return iri("scheme/topics");
    }

    /** The named graph holding everything read from one source file. */
    public Node graph(String root, String relativePath) {
        return iri("graph/" + path(root + "/" + relativePath));
    }

    public Node sourceFile(String root, String relativePath) {
        return iri("source/" + path(root + "/" + relativePath));
    }

    /** The graph of derived descriptions (items known only from related lists). */
    public Node resolvedGraph() {
        return iri("graph/resolved");
    }

    /**
     * The graph of what many files say alike, stated once: snapshots, and the identity of
     * providers, topics and images.
     */
    public Node sharedGraph() {
        return iri("graph/shared");
    }

    /** The graph describing the builds of the store. */
    public Node buildGraph() {
        return iri("graph/build");
    }

    /** The graph holding the VoID description of the store. */
    public Node voidGraph() {
        return iri("graph/void");
    }

    /** The dataset the VoID graph describes. */
    public Node dataset() {
        return iri("dataset");
    }

    /** The set of links from the dataset to one web domain. */
    public Node linkset(String host) {
        return iri("linkset/" + segment(host));
    }

    public Node build() {
        return iri("build");
    }

    /** A node local to one graph, e.g. the snapshot of the n-th related entry. */
    public static Node local(Node graph, String fragment) {
        return NodeFactory.createURI(graph.getURI() + "#" + fragment);
    }

    private Node iri(String path) {
        return NodeFactory.createURI(base + path);
    }

    /**
     * A readable IRI segment for a name: NFKC, lower case, runs of white space as '-', and every
     * character that is not a letter, digit, '-', '.' or '_' percent-encoded, so that names that
     * differ in more than case and spacing ("C", "C#", "C++") stay different.
     */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        s = s.replaceAll("\\s+", "-");
        return s.isEmpty() ? "-" : segment(s);
    }

    /** Percent-encodes what cannot stand in one IRI path segment (keeps letters of any script). */
    static String segment(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isSegmentChar(cp)) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        String seg = out.toString();
        // "." and ".." are path operations, not names.
        return seg.equals(".") || seg.equals("..") ? seg.replace(".", "%2E") : seg;
    }

    private static boolean isSegmentChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || cp == '-' || cp == '.' || cp == '_';
        }
        return Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.PRIVATE_USE;
    }

    private static String path(String relativePath) {
        StringBuilder out = new StringBuilder();
        for (String part : relativePath.split("/")) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment(part));
        }
        return out.toString();
    }

    /** First 80 bits of SHA-256, in hex: short, and collision-free at any corpus size we meet. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
