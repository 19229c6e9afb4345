package org.newsgraph.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.source.SourceKind;

/**
 * Each seed document, and a few real files covering the fields the seeds lack (video,
 * featuredContent, no webUrl, removed, image titles, topic and organization profiles), maps to
 * the hand-checked TriG in {@code src/test/resources/golden}: every quad with its named graph (the
 * file's own, or the shared graph for snapshots and identities).
 */
class GoldenMappingTest {

    static Stream<Arguments> files() {
        String sample = "src/test/resources/corpus/sample/";
        return Stream.of(
                Arguments.of("seeds/000_64b57fa6954c0aa0.txt", "seeds", "000_64b57fa6954c0aa0.txt", SourceKind.NEWS_ITEM,
                        "000_64b57fa6954c0aa0.trig"),
                Arguments.of("seeds/003_126f5605e73083dd.txt", "seeds", "003_126f5605e73083dd.txt", SourceKind.NEWS_ITEM,
                        "003_126f5605e73083dd.trig"),
                news(sample, "2019-08-19-microsoft-power-apps-2019-release-wave-2-overview"),
                news(sample, "2020-03-17-new-features-for-form-recognizer-now-available"),
                news(sample, "2020-05-26-amazon-stock-is-the-coca-cola-of-cloud-computing"),
                Arguments.of(sample + "_data/topics/02-ai.yaml", "sample", "_data/topics/02-ai.yaml", SourceKind.TOPIC,
                        "topic-02-ai.trig"),
                Arguments.of(sample + "_data/organizations/uw.edu.md", "sample", "_data/organizations/uw.edu.md",
                        SourceKind.ORGANIZATION, "organization-uw.edu.trig"));
    }

    private static Arguments news(String sample, String name) {
        return Arguments.of(sample + "_news/" + name + ".md", "sample", "_news/" + name + ".md", SourceKind.NEWS_ITEM,
                name + ".trig");
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("files")
    void mapsToTheExpectedQuads(String path, String root, String relativePath, SourceKind kind, String golden)
            throws Exception {
        DatasetGraph actual = MappingFixtures.map(Path.of(path), root, relativePath, kind).dataset();
        DatasetGraph expected = RDFDataMgr.loadDatasetGraph("src/test/resources/golden/" + golden);
        boolean same = IsoMatcher.isomorphic(expected, actual);
        if (!same || Boolean.getBoolean("golden.print")) {
            actual.prefixes().putAll(Vocab.prefixes());
            RDFDataMgr.write(System.err, actual, RDFFormat.TRIG_PRETTY);
        }
        assertEquals(quadsPerGraph(expected), quadsPerGraph(actual), "quads per named graph");
        assertTrue(same, "quads differ from " + golden + " (actual printed above)");
    }

    private static Map<Node, Long> quadsPerGraph(DatasetGraph dsg) {
        Map<Node, Long> counts = new TreeMap<>(java.util.Comparator.comparing(Node::toString));
        dsg.find().forEachRemaining(q -> counts.merge(q.getGraph(), 1L, Long::sum));
        return counts;
    }
}
