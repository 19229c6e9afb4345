package org.newsgraph.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.source.ParsedFile;
import org.newsgraph.source.RecordReader;
import org.newsgraph.source.SourceException;
import org.newsgraph.source.SourceFile;
import org.newsgraph.source.SourceKind;
import org.newsgraph.source.SourceText;

/** Maps one file the way a build does, with a fixed hash and load time. */
final class MappingFixtures {

    static final Instant LOAD_TIME = Instant.parse("2024-01-01T00:00:00Z");
    static final FileMapper MAPPER = new FileMapper(new IriMinter(IriMinter.DEFAULT_BASE));

    /**
     * What mapping one file gives: as a dataset (the file's graph, and the shared graph with the
     * shared descriptions it refers to), as the union of the two, and the mapper's own result.
     */
    record Mapped(DatasetGraph dataset, Graph graph, MappedFile result) {
    }

    static final Node SHARED = MAPPER.iris().sharedGraph();

    static Mapped map(String root, String relativePath, SourceKind kind, String text) throws SourceException {
        SourceFile file = new SourceFile(root, relativePath, Path.of(root, relativePath), kind);
        ParsedFile parsed = RecordReader.read(kind, text);
        MappedFile result = MAPPER.map(file, "sha256:0", LOAD_TIME, parsed);
        DatasetGraph dataset = DatasetGraphFactory.create();
        result.quads().forEach(dataset::add);
        for (SharedDescription d : result.shared()) {
            d.triples().forEach(t -> dataset.add(Quad.create(SHARED, t)));
        }
        Graph union = GraphFactory.createDefaultGraph();
        dataset.find().forEachRemaining(q -> union.add(q.asTriple()));
        return new Mapped(dataset, union, result);
    }

    static Mapped map(Path file, String root, String relativePath, SourceKind kind) throws IOException, SourceException {
        return map(root, relativePath, kind, SourceText.decode(Files.readAllBytes(file)));
    }

    static Mapped item(String frontMatter) throws SourceException {
        return map("t", "item.md", SourceKind.NEWS_ITEM, "---\n" + frontMatter + "---\n");
    }

    private MappingFixtures() {
    }
}
