package org.newsgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SafeYamlReaderTest {

    private static YamlNode.Mapping read(String yaml) throws SourceException {
        return (YamlNode.Mapping) SafeYamlReader.read(yaml, 2);
    }

    private static Scalar scalar(YamlNode.Mapping map, String key) {
        return ((YamlNode.Leaf) map.entries().get(key)).scalar();
    }

    @Test
    void typesScalarsAndKeepsPositionsInFileTerms() throws SourceException {
        YamlNode.Mapping map = read("title: \"A\"\nquality: 37\npublished: false\ndate: 2024-03-11T04:21:00Z\n");
        assertEquals(new Scalar("A", Scalar.Kind.STRING, "A", new Position(2, 8)), scalar(map, "title"));
        assertEquals(37L, ((Number) scalar(map, "quality").value()).longValue());
        assertEquals(Scalar.Kind.INT, scalar(map, "quality").kind());
        assertEquals(Boolean.FALSE, scalar(map, "published").value());
        assertEquals(OffsetDateTime.of(2024, 3, 11, 4, 21, 0, 0, ZoneOffset.UTC), scalar(map, "date").value());
        assertEquals(new Position(5, 7), scalar(map, "date").position());
    }

    @Test
    void timestampsKeepTheirOffsetAndDatesStayDates() {
        assertEquals(OffsetDateTime.of(2020, 7, 14, 19, 5, 0, 0, ZoneOffset.ofHours(2)),
                SafeYamlReader.timestamp("2020-07-14 19:05:00 +02:00"));
        assertEquals(LocalDate.of(2024, 2, 29), SafeYamlReader.timestamp("2024-02-29"));
        assertEquals(null, SafeYamlReader.timestamp("2024-02-30"));
        assertEquals(null, SafeYamlReader.timestamp("yesterday"));
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        SourceException e = assertThrows(SourceException.class, () -> read("title: a\nexcerpt: b\ntitle: c\n"));
        assertEquals("4:1: duplicate key 'title'", e.position() + ": " + e.getMessage());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        SourceException e = assertThrows(SourceException.class, () -> read("title: \"unclosed\nquality: 1\n"));
        assertEquals(new Position(4, 1), e.position());
        assertEquals("YAML syntax error: while scanning a quoted scalar: found unexpected end of stream",
                e.getMessage());
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 60; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        SourceException e = assertThrows(SourceException.class, () -> read(yaml.toString()));
        assertEquals("YAML error: Number of aliases for non-scalar nodes exceeds the specified max=50", e.getMessage());
    }

    @Test
    void expandedTreeIsBoundedEvenUnderTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 6; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 8; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        SourceException e = assertThrows(SourceException.class, () -> read(yaml.toString()));
        assertEquals("YAML document expands to more than 200000 values (alias bomb?)", e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        SourceException e = assertThrows(SourceException.class, () -> read(yaml));
        assertEquals("YAML error: Nesting Depth exceeded max 40", e.getMessage());
    }

    @Test
    void globalTagsAreRefusedAndLocalTagsStayText() throws SourceException {
        SourceException e = assertThrows(SourceException.class,
                () -> read("x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"));
        assertEquals(new Position(2, 4), e.position());
        assertEquals("YAML syntax error: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager",
                e.getMessage());
        YamlNode.Mapping map = read("y: !shell 'rm -rf /'\nz: !!binary aGVsbG8=\n");
        assertEquals(Scalar.Kind.STRING, scalar(map, "y").kind());
        assertEquals("rm -rf /", scalar(map, "y").text());
        assertEquals("aGVsbG8=", scalar(map, "z").text());
    }

    @Test
    void nullsAreAbsent() throws SourceException {
        YamlNode.Mapping map = read("title:\nexcerpt: ~\nlist: [a, null, b]\n");
        assertEquals(java.util.Set.of("list"), map.entries().keySet());
        assertEquals(2, ((YamlNode.Seq) map.entries().get("list")).items().size());
    }
}
