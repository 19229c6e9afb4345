package org.newsgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusScannerTest {

    @Test
    void classifiesByPlaceAndName() {
        assertEquals(SourceKind.NEWS_ITEM, CorpusScanner.classify("_news/2020-01-01-x.md"));
        assertEquals(SourceKind.NEWS_ITEM, CorpusScanner.classify("seed.txt"));
        assertEquals(SourceKind.TOPIC, CorpusScanner.classify("_data/topics/00-ai.yaml"));
        assertEquals(SourceKind.TOPIC, CorpusScanner.classify("site/_data/topics/00-ai.yml"));
        assertEquals(SourceKind.ORGANIZATION, CorpusScanner.classify("_data/organizations/bbc.com.md"));
        assertNull(CorpusScanner.classify("_data/people/someone.md"));
        assertNull(CorpusScanner.classify("_data/topics/readme.md"));
        assertNull(CorpusScanner.classify("assets/logo.png"));
        assertEquals(SourceKind.NEWS_ITEM, CorpusScanner.classify("_database/x.md"));
    }

    @Test
    void walksInNameOrderSkippingHiddenFilesAndCountingTheRest(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("corpus");
        Files.createDirectories(root.resolve("_news"));
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve("_news/b.md"), "---\n");
        Files.writeString(root.resolve("_news/a.md"), "---\n");
        Files.writeString(root.resolve(".git/config.md"), "---\n");
        Files.writeString(root.resolve("logo.png"), "x");
        CorpusScanner scanner = new CorpusScanner();
        List<SourceFile> files = new ArrayList<>();
        scanner.scan(CorpusScanner.Root.of(root), files::add);
        assertEquals(List.of("_news/a.md", "_news/b.md"), files.stream().map(SourceFile::relativePath).toList());
        assertEquals("corpus", files.get(0).root());
        assertEquals(1, scanner.ignored());
    }
}
