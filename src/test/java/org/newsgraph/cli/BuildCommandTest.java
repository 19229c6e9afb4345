package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheSeedsAndSummarises() {
        CliRun run = CliRun.of("build", "--store", dir.resolve("s").toString(), "seeds");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  files     2 seen: 2 loaded, 0 unchanged, 0 rejected, 0 removed; 0 other files ignored"),
                run.out());
        assertTrue(run.out().contains("  graph     4 items (2 known only from related lists), 4 providers, 2 topics,"
                + " 4 images, 2 related links,"), run.out());
        assertEquals("", run.err());

        CliRun again = CliRun.of("build", "--quiet", "--store", dir.resolve("s").toString(), "seeds");
        assertEquals(0, again.exitCode());
        assertTrue(again.out().startsWith("incremental build: 2 files (0 loaded, 2 unchanged, 0 rejected, 0 removed); 4 items,"),
                again.out());
    }

    @Test
    void rejectedFilesAreListedOneLineEachAndExitTwo() throws Exception {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("good.md"), "---\ntitle: Good\nwebUrl: https://a.example/good\n---\n");
        Files.writeString(corpus.resolve("bad.md"), "---\ntitle: Bad\nwebUrl: [https://a.example/bad\n---\n");
        CliRun run = CliRun.of("build", "--store", dir.resolve("s").toString(), corpus.toString());
        assertEquals(2, run.exitCode());
        assertEquals(corpus.resolve("bad.md") + ":4:1: YAML syntax error: while parsing a flow sequence:"
                + " expected ',' or ']', but got <stream end>\n", run.err());
        assertTrue(run.out().contains("1 loaded, 0 unchanged, 1 rejected"), run.out());
    }

    @Test
    void usageAndInputErrorsExitOneWithOneLine() {
        CliRun noStore = CliRun.of("build", "seeds");
        assertEquals(1, noStore.exitCode());
        assertTrue(noStore.err().startsWith("newsgraph: Missing required option: '--store=DIR'\n"), noStore.err());

        CliRun missing = CliRun.of("build", "--store", dir.resolve("s").toString(), "no/such/folder");
        assertEquals(1, missing.exitCode());
        assertEquals("newsgraph: no such file or folder: no/such/folder\n", missing.err());

        CliRun badBase = CliRun.of("build", "--store", dir.resolve("s").toString(), "--base", "not an iri", "seeds");
        assertEquals(1, badBase.exitCode());
        assertEquals("newsgraph: --base must be an absolute IRI ending in '/' or '#', got 'not an iri'\n", badBase.err());
        assertFalse(badBase.err().contains("\tat "));

        assertEquals(1, CliRun.of("frobnicate").exitCode());
    }

    @Test
    void queryRunsOverTheUnionGraphInEachFormat() {
        String store = dir.resolve("s").toString();
        assertEquals(0, CliRun.of("build", "--quiet", "--store", store, "seeds").exitCode());
        String q = "SELECT ?t WHERE { ?i a schema:NewsArticle ; schema:headline ?t ; ng:related ?r } ORDER BY ?t";
        CliRun csv = CliRun.of("query", "--store", store, "--format", "csv", q);
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals("t\r\nA World Divided Over Artificial Intelligence\r\n"
                + "China Renews Its Pitch on AI Governance at World Internet Conference\r\n", csv.out());
        CliRun json = CliRun.of("query", "--store", store, "--format", "json", "ASK { ?s ?p ?o }");
        assertTrue(json.out().contains("\"boolean\" : true"), json.out());
        CliRun table = CliRun.of("query", "--store", store, q);
        assertTrue(table.out().contains("| \"A World Divided Over Artificial Intelligence\"      "), table.out());
    }

    @Test
    void queryErrorsAreOneLine() {
        String store = dir.resolve("s").toString();
        CliRun noStore = CliRun.of("query", "--store", store, "SELECT * {}");
        assertEquals(1, noStore.exitCode());
        assertEquals("newsgraph: no store at " + store + " (run 'build --store " + store + " PATH' first)\n", noStore.err());
        CliRun.of("build", "--quiet", "--store", store, "seeds");
        CliRun bad = CliRun.of("query", "--store", store, "SELECT ?x WHERE { ?x }");
        assertEquals(1, bad.exitCode());
        assertEquals("newsgraph: query syntax error: Encountered \" \"}\" \"} \"\" at line 1, column 22.\n", bad.err());
        assertEquals(1, bad.err().lines().count());
    }
}
