package org.newsgraph.export;

import java.io.OutputStream;
import java.util.Iterator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/**
 * Writes a store, or one of its graphs, in a standard RDF format, streaming from TDB2 so memory
 * stays flat whatever the store's size. Triple formats get the union graph (TDB2 yields it
 * sorted by subject and deduplicated, so Turtle comes out grouped by subject); quad formats keep
 * the named graphs.
 */
public final class Exporter {

    private final DatasetGraph dsg;
    private final PrefixMapping prefixes;

    /** @param base the store's base IRI, for readable prefixes of its nodes */
    public Exporter(DatasetGraph dsg, String base) {
        this.dsg = dsg;
        IriMinter iris = new IriMinter(base);
        PrefixMapping p = PrefixMapping.Factory.create().setNsPrefixes(Vocab.prefixes());
        for (String kind : new String[] {"item", "provider", "topic", "image"}) {
            p.setNsPrefix(kind, iris.base() + kind + "/");
        }
        this.prefixes = p.lock();
    }

    /** Writes {@code format} to {@code out}; {@code graph} null means all. Call inside a read transaction. */
    public void export(ExportFormat format, Node graph, OutputStream out) {
        switch (format) {
            case TURTLE -> stream(out, RDFFormat.TURTLE_BLOCKS, triples(graph));
            case NTRIPLES -> stream(out, RDFFormat.NTRIPLES, triples(graph));
            case TRIG -> streamQuads(out, RDFFormat.TRIG_BLOCKS, graph);
            case NQUADS -> streamQuads(out, RDFFormat.NQUADS, graph);
            case JSONLD -> new JsonLdStreamWriter(out).write(triples(graph));
            case RDFXML -> RDFDataMgr.write(out, withPrefixes(source(graph)), RDFFormat.RDFXML_PLAIN);
        }
    }

    private Graph source(Node graph) {
        return graph == null ? dsg.getUnionGraph() : dsg.getGraph(graph);
    }

    private Iterator<Triple> triples(Node graph) {
        return source(graph).find();
    }

    private void stream(OutputStream out, RDFFormat format, Iterator<Triple> triples) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, format);
        writer.start();
        prefixMap().forEach(writer::prefix);
        triples.forEachRemaining(writer::triple);
        writer.finish();
    }

    private void streamQuads(OutputStream out, RDFFormat format, Node graph) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, format);
        writer.start();
        prefixMap().forEach(writer::prefix);
        Iterator<Quad> quads = graph == null ? dsg.find() : dsg.find(graph, Node.ANY, Node.ANY, Node.ANY);
        quads.forEachRemaining(writer::quad);
        writer.finish();
    }

    private PrefixMap prefixMap() {
        return PrefixMapFactory.create(prefixes);
    }

    /** The graph as it is, with our prefixes (the RDF/XML writer reads triples lazily from it). */
    private Graph withPrefixes(Graph g) {
        return new GraphWrapper(g) {
            @Override
            public PrefixMapping getPrefixMapping() {
                return prefixes;
            }
        };
    }
}
