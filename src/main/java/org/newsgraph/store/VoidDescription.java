package org.newsgraph.store;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/**
 * The VoID (and DCAT) description of a store, counted by {@link VoidCounter} or kept current by
 * {@link VoidTracker}, and written into its own graph. The figures describe the store without
 * the VoID graph itself.
 */
final class VoidDescription {

    /** Namespaces that are vocabularies, not linked web sites. */
    private static final List<String> VOCABULARIES = List.of(Vocab.SCHEMA_NS, Vocab.NG_NS, SKOS.uri, DCTerms.NS,
            Vocab.PROV_NS);
    private static final List<String> NOT_LINKS = List.of("http://www.w3.org/", "https://schema.org/",
            "http://purl.org/dc/", "https://w3id.org/newsgraph/", "http://rdfs.org/ns/void#");

    private VoidDescription() {
    }

    /** Counts of one pass. */
    static final class Figures {
        long triples;
        long distinctSubjects;
        long entities;
        long distinctObjects;
        final Map<Node, Long> properties = new HashMap<>();
        final Map<Node, Long> classes = new HashMap<>();
        final Map<String, Long> linksByHost = new TreeMap<>();

        /** Adds {@code delta}'s counts to these; partitions that drop to zero go. */
        void add(Figures delta) {
            triples += delta.triples;
            distinctSubjects += delta.distinctSubjects;
            entities += delta.entities;
            distinctObjects += delta.distinctObjects;
            merge(properties, delta.properties);
            merge(classes, delta.classes);
            merge(linksByHost, delta.linksByHost);
        }

        private static <K> void merge(Map<K, Long> into, Map<K, Long> delta) {
            delta.forEach((k, n) -> into.merge(k, n, Long::sum));
            into.values().removeIf(n -> n <= 0);
        }
    }

    /** The figures of the VoID graph as written, or null if the store has none. Call inside a transaction. */
    static Figures read(DatasetGraph dsg, IriMinter iris) {
        Node g = iris.voidGraph();
        Node ds = iris.dataset();
        if (!dsg.contains(g, ds, Vocab.VOID_TRIPLES, Node.ANY)) {
            return null;
        }
        Figures f = new Figures();
        f.triples = number(dsg, g, ds, Vocab.VOID_TRIPLES);
        f.entities = number(dsg, g, ds, Vocab.VOID_ENTITIES);
        f.distinctSubjects = number(dsg, g, ds, Vocab.VOID_DISTINCT_SUBJECTS);
        f.distinctObjects = number(dsg, g, ds, Vocab.VOID_DISTINCT_OBJECTS);
        dsg.find(g, ds, Vocab.VOID_CLASS_PARTITION, Node.ANY).forEachRemaining(q -> f.classes.put(
                object(dsg, g, q.getObject(), Vocab.VOID_CLASS), number(dsg, g, q.getObject(), Vocab.VOID_ENTITIES)));
        dsg.find(g, ds, Vocab.VOID_PROPERTY_PARTITION, Node.ANY).forEachRemaining(q -> f.properties.put(
                object(dsg, g, q.getObject(), Vocab.VOID_PROPERTY), number(dsg, g, q.getObject(), Vocab.VOID_TRIPLES)));
        dsg.find(g, ds, Vocab.VOID_SUBSET, Node.ANY).forEachRemaining(q -> {
            String host = webHost(object(dsg, g, q.getObject(), Vocab.VOID_OBJECTS_TARGET).getURI());
            f.linksByHost.put(host, number(dsg, g, q.getObject(), Vocab.VOID_TRIPLES));
        });
        return f;
    }

    private static Node object(DatasetGraph dsg, Node g, Node s, Node p) {
        return dsg.find(g, s, p, Node.ANY).next().getObject();
    }

    /** The number {@code s p} states in {@code g}, or 0 if it states none. */
    private static long number(DatasetGraph dsg, Node g, Node s, Node p) {
        String n = literal(dsg, g, s, p);
        return n == null ? 0 : Long.parseLong(n);
    }

    /** What one triple entering ({@code sign} 1) or leaving (-1) the union graph changes in the figures. */
    static void count(Figures f, Triple t, String base, int sign) {
        f.triples += sign;
        f.properties.merge(t.getPredicate(), (long) sign, Long::sum);
        Node o = t.getObject();
        if (t.getPredicate().equals(Vocab.TYPE)) {
            f.classes.merge(o, (long) sign, Long::sum);
        } else if (o.isURI() && !o.getURI().startsWith(base)) {
            String host = webHost(o.getURI());
            if (host != null) {
                f.linksByHost.merge(host, (long) sign, Long::sum);
            }
        }
    }

    /** The host of an http(s) IRI that is not a vocabulary term; null otherwise. */
    static String webHost(String iri) {
        if (!(iri.startsWith("http://") || iri.startsWith("https://")) || NOT_LINKS.stream().anyMatch(iri::startsWith)) {
            return null;
        }
        try {
            String host = URI.create(iri).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            int start = iri.indexOf("://") + 3;
            int end = start;
            while (end < iri.length() && "/?#:".indexOf(iri.charAt(end)) < 0) {
                end++;
            }
            return end > start ? iri.substring(start, end).toLowerCase(Locale.ROOT) : null;
        }
    }

    /**
     * Replaces the VoID graph of the TDB2 store {@code dsg}, counting everything, and returns the
     * figures. Call inside a write transaction.
     */
    static Figures write(DatasetGraph dsg, IriMinter iris, List<String> roots, BuildRecord run) {
        Figures f = VoidCounter.count(dsg, iris.voidGraph(), iris.base());
        write(dsg, iris, roots, run, f);
        return f;
    }

    /**
     * Replaces the VoID graph of the store with {@code f}, writing only what differs: with a
     * linkset per linked web site, most of its thousands of statements stay as they were.
     * Call inside a write transaction.
     */
    static void write(DatasetGraph dsg, IriMinter iris, List<String> roots, BuildRecord run, Figures f) {
        Node g = iris.voidGraph();
        List<Quad> wanted = new ArrayList<>();
        describe(wanted, g, iris, roots, run.ended(), f);
        describe(wanted, g, iris.build(), run);
        QuadDiff.replace(dsg, QuadDiff.stored(dsg, g, Node.ANY), wanted);
    }

    private static void describe(List<Quad> quads, Node g, IriMinter iris, List<String> roots, Instant modified, Figures f) {
        Node ds = iris.dataset();
        add(quads, g, ds, Vocab.TYPE, Vocab.VOID_DATASET);
        add(quads, g, ds, Vocab.TYPE, Vocab.DCAT_DATASET);
        add(quads, g, ds, Vocab.DCT_TITLE, NodeFactory.createLiteralString("newsgraph"));
        add(quads, g, ds, Vocab.DCT_DESCRIPTION, NodeFactory.createLiteralString(
                "News items, their providers, topics, images and related items, read from " + String.join(", ", roots)));
        add(quads, g, ds, Vocab.DCT_MODIFIED, BuildMetadata.dateTime(modified));
        for (String root : roots) {
            add(quads, g, ds, Vocab.NG_SOURCE_ROOT, NodeFactory.createLiteralString(root));
        }
        add(quads, g, ds, Vocab.VOID_URI_SPACE, NodeFactory.createLiteralString(iris.base()));
        String origin = origin(iris.base());
        if (origin != null) {
            add(quads, g, ds, Vocab.VOID_SPARQL_ENDPOINT, NodeFactory.createURI(origin + "/news/sparql"));
            add(quads, g, ds, Vocab.VOID_DATA_DUMP, NodeFactory.createURI(origin + "/news?default"));
        }
        for (String vocabulary : VOCABULARIES) {
            add(quads, g, ds, Vocab.VOID_VOCABULARY, NodeFactory.createURI(vocabulary));
        }
        add(quads, g, ds, Vocab.VOID_TRIPLES, integer(f.triples));
        add(quads, g, ds, Vocab.VOID_ENTITIES, integer(f.entities));
        add(quads, g, ds, Vocab.VOID_DISTINCT_SUBJECTS, integer(f.distinctSubjects));
        add(quads, g, ds, Vocab.VOID_DISTINCT_OBJECTS, integer(f.distinctObjects));
        add(quads, g, ds, Vocab.VOID_PROPERTIES, integer(f.properties.size()));
        add(quads, g, ds, Vocab.VOID_CLASSES, integer(f.classes.size()));
        f.classes.forEach((cls, n) -> {
            Node part = IriMinter.local(ds, "class-" + Integer.toHexString(cls.getURI().hashCode()));
            add(quads, g, ds, Vocab.VOID_CLASS_PARTITION, part);
            add(quads, g, part, Vocab.VOID_CLASS, cls);
            add(quads, g, part, Vocab.VOID_ENTITIES, integer(n));
        });
        f.properties.forEach((p, n) -> {
            Node part = IriMinter.local(ds, "property-" + Integer.toHexString(p.getURI().hashCode()));
            add(quads, g, ds, Vocab.VOID_PROPERTY_PARTITION, part);
            add(quads, g, part, Vocab.VOID_PROPERTY, p);
            add(quads, g, part, Vocab.VOID_TRIPLES, integer(n));
        });
        f.linksByHost.forEach((host, n) -> {
            Node linkset = iris.linkset(host);
            add(quads, g, ds, Vocab.VOID_SUBSET, linkset);
            add(quads, g, linkset, Vocab.TYPE, Vocab.VOID_LINKSET);
            add(quads, g, linkset, Vocab.VOID_SUBJECTS_TARGET, ds);
            add(quads, g, linkset, Vocab.VOID_OBJECTS_TARGET, NodeFactory.createURI("https://" + host + "/"));
            add(quads, g, linkset, Vocab.VOID_TRIPLES, integer(n));
        });
    }

    /**
     * What the last build did. It is said here, where it is not counted: the same corpus built
     * in full or by updates is the same data, and the figures say so.
     */
    private static void describe(List<Quad> quads, Node g, Node build, BuildRecord run) {
        add(quads, g, build, Vocab.NG_BUILD_KIND, NodeFactory.createLiteralString(run.kind()));
        add(quads, g, build, Vocab.NG_FILES_LOADED, integer(run.loaded()));
        add(quads, g, build, Vocab.NG_FILES_UNCHANGED, integer(run.unchanged()));
        add(quads, g, build, Vocab.NG_FILES_REMOVED, integer(run.removed()));
        add(quads, g, build, Vocab.NG_FILES_REJECTED, integer(run.rejected()));
    }

    /** The record of the last build that changed the store, or null if it has none. Call inside a transaction. */
    static BuildRecord lastRun(DatasetGraph dsg, IriMinter iris) {
        Node build = iris.build();
        String kind = literal(dsg, iris.voidGraph(), build, Vocab.NG_BUILD_KIND);
        String started = literal(dsg, iris.buildGraph(), build, Vocab.PROV_STARTED_AT_TIME);
        String ended = literal(dsg, iris.buildGraph(), build, Vocab.PROV_ENDED_AT_TIME);
        if (kind == null || started == null || ended == null) {
            return null;
        }
        Node g = iris.voidGraph();
        return new BuildRecord(kind, Instant.parse(started), Instant.parse(ended), number(dsg, g, build, Vocab.NG_FILES_LOADED),
                number(dsg, g, build, Vocab.NG_FILES_UNCHANGED), number(dsg, g, build, Vocab.NG_FILES_REMOVED),
                number(dsg, g, build, Vocab.NG_FILES_REJECTED));
    }

    private static String literal(DatasetGraph dsg, Node g, Node s, Node p) {
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        Node o = it.hasNext() ? it.next().getObject() : null;
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private static String origin(String base) {
        try {
            URI uri = URI.create(base);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Node integer(long n) {
        return NodeFactoryExtra.intToNode(n);
    }

    private static void add(List<Quad> quads, Node g, Node s, Node p, Node o) {
        quads.add(Quad.create(g, s, p, o));
    }
}
