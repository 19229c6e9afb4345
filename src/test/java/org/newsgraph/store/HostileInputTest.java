package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.export.ExportFormat;
import org.newsgraph.export.Exporter;
import org.newsgraph.mapping.IriMinter;

/** A corpus of hostile files: each bad one is rejected on one line, the rest loads, and the store exports cleanly. */
class HostileInputTest {

    @Test
    void badFilesAreRejectedAndTheRestLoads(@TempDir Path dir) throws Exception {
        TestStore t = new TestStore(dir);
        StringBuilder bomb = new StringBuilder("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        t.write("bomb.md", bomb.append("---\n").toString())
                .write("deep.md", "---\ntitle: " + "[".repeat(500) + "]".repeat(500) + "\n---\n")
                .write("javatag.md", "---\ntitle: !!java.io.File [/etc/passwd]\nwebUrl: https://a.example/\n---\n")
                .write("control.md", "---\ntitle: \"bell \u0007\"\nwebUrl: https://a.example/c\n---\n")
                .write("empty.md", "---\n---\n")
                .write("list.md", "---\n- a\n---\n")
                .write("unclosed.md", "---\ntitle: x\nwebUrl: https://a.example/u\n")
                .write("good.md", "---\ntitle: \"<b>Good</b> & fine\"\nwebUrl: https://a.example/good\n---\n")
                .write("weird-urls.md", "---\ntitle: Weird\nwebUrl: \"https://exa mple.com/\"\n"
                        + "originalUrl: \"https://a.example/\\u2028x\"\nimages:\n  - url: \"javascript:alert(1)\"\n---\n");
        Files.write(t.corpus.resolve("binary.md"), new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xFE, '\n'});
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        System.arraycopy("---\n".getBytes(StandardCharsets.UTF_8), 0, huge, 0, 4);
        Files.write(t.corpus.resolve("huge.md"), huge);

        BuildReport report = t.build();
        assertEquals(2, report.loaded(), String.join("\n", report.rejections()));
        String c = t.corpus.toString();
        assertEquals(List.of(
                c + "/binary.md:2:4: not valid UTF-8 (byte 0xFE)",
                c + "/bomb.md:2:1: YAML error: Number of aliases for non-scalar nodes exceeds the specified max=50",
                c + "/control.md:2:14: YAML error: special character U+0007 is not allowed",
                c + "/deep.md:2:1: YAML error: Nesting Depth exceeded max 40",
                c + "/empty.md:1:1: front matter is empty",
                c + "/huge.md:1:1: file is larger than 8 MiB (9437184 bytes)",
                c + "/javatag.md:2:8: YAML syntax error: Global tag is not allowed: tag:yaml.org,2002:java.io.File",
                c + "/list.md:2:1: front matter must be a mapping of keys to values, found a list",
                c + "/unclosed.md:1:1: front matter opened on line 1 is never closed with '---'"),
                report.rejections());
        assertEquals(Map.of("unusable-url", 1L, "repaired-url", 1L, "not-a-web-url", 1L), report.warningsByKind());

        DatasetGraph dsg = TdbStore.connect(new StoreLayout(t.store).database());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Txn.executeRead(dsg, () -> new Exporter(dsg, IriMinter.DEFAULT_BASE).export(ExportFormat.TURTLE, null, out));
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(new java.io.ByteArrayInputStream(out.toByteArray())).lang(Lang.TURTLE).parse(g);
            assertTrue(g.size() > 20);
        } finally {
            TdbStore.release(new StoreLayout(t.store).database());
        }
    }
}
