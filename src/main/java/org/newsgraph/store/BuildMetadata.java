package org.newsgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.mapping.FileMapper;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/** The graphs a build writes besides the files' own: the ontology and the build's description. */
final class BuildMetadata {

    static final String ONTOLOGY_RESOURCE = "/ontology/newsgraph.ttl";

    private BuildMetadata() {
    }

    /** The ontology, as shipped in the jar. */
    static Graph ontology() {
        try (InputStream in = BuildMetadata.class.getResourceAsStream(ONTOLOGY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ONTOLOGY_RESOURCE);
            }
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeOntology(StreamRDF out) {
        Node graph = NodeFactory.createURI(Vocab.ONTOLOGY_IRI);
        ontology().find().forEachRemaining(t -> out.quad(Quad.create(graph, t)));
    }

    /** Replaces the ontology graph (it may have changed with the tool). */
    static void replaceOntology(DatasetGraph dsg) {
        Node graph = NodeFactory.createURI(Vocab.ONTOLOGY_IRI);
        dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        ontology().find().forEachRemaining(t -> dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /** What a store was built with. */
    record Settings(String base, String mappingVersion) {
    }

    /** The settings the store was built with, or null if it has no build record. */
    static Settings storedSettings(DatasetGraph dsg) {
        Iterator<Quad> bases = dsg.find(Node.ANY, Node.ANY, Vocab.NG_BASE, Node.ANY);
        Iterator<Quad> versions = dsg.find(Node.ANY, Node.ANY, Vocab.NG_MAPPING_VERSION, Node.ANY);
        if (!bases.hasNext() || !versions.hasNext()) {
            return null;
        }
        return new Settings(bases.next().getObject().getLiteralLexicalForm(),
                versions.next().getObject().getLiteralLexicalForm());
    }

    /**
     * Replaces the build graph: settings, roots, times, and the shared nodes no file owns (what
     * the build did goes with the VoID description, see {@link VoidDescription}).
     */
    static void writeBuild(DatasetGraph dsg, IriMinter iris, List<String> roots, BuildRecord run) {
        Node g = iris.buildGraph();
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        Node build = iris.build();
        dsg.add(g, build, Vocab.TYPE, Vocab.NG_BUILD);
        dsg.add(g, build, Vocab.TYPE, Vocab.PROV_ACTIVITY);
        dsg.add(g, build, Vocab.NG_BASE, NodeFactory.createLiteralString(iris.base()));
        dsg.add(g, build, Vocab.NG_MAPPING_VERSION, NodeFactory.createLiteralString(FileMapper.MAPPING_VERSION));
        dsg.add(g, build, Vocab.PROV_STARTED_AT_TIME, dateTime(run.started()));
        dsg.add(g, build, Vocab.PROV_ENDED_AT_TIME, dateTime(run.ended()));
        for (String root : roots) {
            dsg.add(g, build, Vocab.NG_SOURCE_ROOT, NodeFactory.createLiteralString(root));
        }
        Node scheme = iris.topicScheme();
        dsg.add(g, scheme, Vocab.TYPE, Vocab.SKOS_CONCEPT_SCHEME);
        dsg.add(g, scheme, Vocab.SKOS_PREF_LABEL, NodeFactory.createLiteralString("Topics"));
        // Every graph of the store is a node with a page of its own.
        dsg.add(g, g, Vocab.LABEL, NodeFactory.createLiteralString("The builds of the store: settings, roots and times"));
        dsg.add(g, iris.voidGraph(), Vocab.LABEL,
                NodeFactory.createLiteralString("The VoID and DCAT description of the store"));
        Node shared = iris.sharedGraph();
        dsg.add(g, shared, Vocab.TYPE, Vocab.NG_SHARED_GRAPH);
        dsg.add(g, shared, Vocab.LABEL, NodeFactory.createLiteralString(
                "What many files say alike, stated once: snapshots, and the identity of providers, topics and images"));
        Node resolved = iris.resolvedGraph();
        dsg.add(g, resolved, Vocab.TYPE, Vocab.NG_RESOLVED_GRAPH);
        dsg.add(g, resolved, Vocab.LABEL,
                NodeFactory.createLiteralString("Descriptions chosen for items known only from related lists, and names of providers and topics without a profile"));
    }

    /** An xsd:dateTime in UTC. */
    static Node dateTime(Instant t) {
        return NodeFactory.createLiteralDT(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC)),
                XSDDatatype.XSDdateTime);
    }
}
