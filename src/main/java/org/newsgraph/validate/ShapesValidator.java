package org.newsgraph.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.mapping.Vocab;

/** Checks a graph against the project's SHACL shapes ({@code ontology/shapes.ttl}). */
public final class ShapesValidator {

    public static final String SHAPES_FILE = "ontology/shapes.ttl";

    private final Shapes shapes;

    public ShapesValidator(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
    }

    /** The shapes in {@code ontology/shapes.ttl} if present here, else those shipped in the jar. */
    public static ShapesValidator load() {
        Graph g = GraphFactory.createDefaultGraph();
        if (Files.isRegularFile(java.nio.file.Path.of(SHAPES_FILE))) {
            RDFParser.source(SHAPES_FILE).lang(Lang.TURTLE).parse(g);
        } else {
            try (InputStream in = ShapesValidator.class.getResourceAsStream("/" + SHAPES_FILE)) {
                RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ShapesValidator(g);
    }

    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, data);
    }

    /** One line per violation: {@code focus node · path · message}, with prefixed names. */
    public static List<String> lines(ValidationReport report, String base) {
        org.apache.jena.shared.PrefixMapping mapping = org.apache.jena.shared.PrefixMapping.Factory.create()
                .setNsPrefixes(Vocab.prefixes());
        for (String kind : new String[] {"item", "provider", "topic", "image"}) {
            mapping.setNsPrefix(kind, base + kind + "/");
        }
        PrefixMap prefixes = PrefixMapFactory.create(mapping);
        org.apache.jena.sparql.core.Prologue prologue = new org.apache.jena.sparql.core.Prologue(mapping);
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            org.apache.jena.sparql.path.Path path = e.resultPath();
            String pathText = path == null ? "-"
                    : path.toString(prologue);
            lines.add(format(e.focusNode(), prefixes) + " · " + pathText + " · " + e.message());
        }
        lines.sort(null);
        return lines;
    }

    private static String format(Node n, PrefixMap prefixes) {
        return NodeFmtLib.str(n, prefixes);
    }
}
