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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A query of {@code queries/*.rq}: its file name, the title and explanation from its leading
 * comment lines, and the parameters those lines declare, one a line:
 * {@code # Parameter ?topic (topic): what the form shows}. Lines indented after the {@code #} that
 * follow a declaration are notes for readers of the file (how to change the value by hand), which
 * the form makes needless: they are in neither the description nor the help.
 */
public record SampleQuery(String name, String title, String description, List<QueryParameter> parameters, String text) {

    public SampleQuery {
        parameters = List.copyOf(parameters);
    }

    static SampleQuery parse(String name, String text) {
        List<String> comments = new ArrayList<>();
        List<QueryParameter> parameters = new ArrayList<>();
        boolean underDeclaration = false;
        for (String line : header(text)) {
            Optional<QueryParameter> declared = QueryParameter.declaredBy(comment(line));
            declared.ifPresent(parameters::add);
            underDeclaration = declared.isPresent() || (underDeclaration && isNote(line));
            if (!underDeclaration) {
                comments.add(comment(line));
            }
        }
        String title = comments.isEmpty() ? name : comments.get(0);
        String description = String.join(" ", comments.subList(Math.min(1, comments.size()), comments.size())).strip();
        return new SampleQuery(name, title, description, parameters, text);
    }

    /**
     * The title and description lines, kept above the query as run with chosen values; not the
     * declarations and their notes, which tell how to change the defaults the query no longer has.
     */
    String descriptionHeader() {
        StringBuilder header = new StringBuilder();
        boolean underDeclaration = false;
        for (String line : header(text)) {
            boolean declaration = QueryParameter.declaredBy(comment(line)).isPresent();
            underDeclaration = declaration || (underDeclaration && isNote(line));
            if (!underDeclaration) {
                header.append(line).append('\n');
            }
        }
        return header.toString();
    }

    private static List<String> header(String text) {
        return text.lines().takeWhile(l -> l.startsWith("#")).toList();
    }

    private static String comment(String line) {
        return line.replaceFirst("^#+\\s?", "").strip();
    }

    /** A line indented after its {@code #}: a note under the declaration above it, when there is one. */
    private static boolean isNote(String line) {
        return line.startsWith("#  ");
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
