package org.newsgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A SPARQL 1.1 Service Description: a GET of a query endpoint without a query, asking for RDF,
 * answers what the service is (languages, result formats, the union default graph, where its
 * VoID is). Anything else goes on to Fuseki.
 */
final class ServiceDescription implements Filter {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final AcceptList RDF_TYPES = AcceptList.create("text/turtle", "application/ld+json",
            "application/n-triples", "application/rdf+xml");
    private static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples", "RDF_XML");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !wantsDescription(request)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        String type = RdfResponse.choose(request, RDF_TYPES);
        response.setHeader("Vary", "Accept");
        RdfResponse.write(response, describe(Origins.of(request) + request.getRequestURI(), Origins.of(request)), type);
    }

    /** A GET without a query or a graph (those are Fuseki's), whose Accept header prefers RDF. */
    private static boolean wantsDescription(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || request.getQueryString() != null && !request.getQueryString().isEmpty()) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        AcceptList asked = new AcceptList(accept);
        return AcceptList.match(asked, RDF_TYPES) != null;
    }

    static Graph describe(String endpoint, String origin) {
        Graph g = GraphFactory.createDefaultGraph();
        Node service = NodeFactory.createURI(endpoint);
        g.add(service, RDF.type.asNode(), sd("Service"));
        g.add(service, sd("endpoint"), service);
        g.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
        g.add(service, sd("feature"), sd("UnionDefaultGraph"));
        for (String format : RESULT_FORMATS) {
            g.add(service, sd("resultFormat"), NodeFactory.createURI(FORMATS + format));
        }
        Node dataset = NodeFactory.createBlankNode();
        g.add(service, sd("defaultDataset"), dataset);
        g.add(dataset, RDF.type.asNode(), sd("Dataset"));
        Node defaultGraph = NodeFactory.createBlankNode();
        g.add(dataset, sd("defaultGraph"), defaultGraph);
        g.add(defaultGraph, RDF.type.asNode(), sd("Graph"));
        g.add(dataset, RDFS.seeAlso.asNode(), NodeFactory.createURI(origin + "/.well-known/void"));
        g.getPrefixMapping().setNsPrefix("sd", SD);
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }
}
