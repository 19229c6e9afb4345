package org.newsgraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A query of {@code queries/*.rq}: its file name, and the title and explanation from its leading
 * comment lines.
 */
public record SampleQuery(String name, String title, String description, String text) {

    static SampleQuery parse(String name, String text) {
        List<String> comments = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            comments.add(line.replaceFirst("^#+\\s?", "").strip());
        }
        String title = comments.isEmpty() ? name : comments.get(0);
        String description = String.join(" ", comments.subList(Math.min(1, comments.size()), comments.size())).strip();
        return new SampleQuery(name, title, description, text);
    }

    /** The queries in {@code dir} if it exists, else those shipped in the jar. */
    public static List<SampleQuery> load(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return loadFrom(dir);
            }
            URL url = SampleQuery.class.getResource("/queries");
            if (url == null) {
                return List.of();
            }
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return loadFrom(Path.of(uri));
            }
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                return loadFrom(fs.getPath("/queries"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SampleQuery> loadFrom(Path dir) throws IOException {
        List<SampleQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".rq"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                String name = p.getFileName().toString();
                queries.add(parse(name.substring(0, name.length() - 3), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return queries;
    }
}
