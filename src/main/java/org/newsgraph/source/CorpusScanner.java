package org.newsgraph.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Walks the source roots and classifies files by place and name. Content is not read here: a
 * Markdown file is only a candidate news item until its front matter is found.
 *
 * <p>Hidden files and folders (a leading '.') are skipped, symbolic links are not followed, and
 * files are visited in name order so that every run sees them in the same order. A folder that
 * cannot be read, or a source file whose name is not valid UTF-8, is {@linkplain #unread()
 * reported} on one line and the walk goes on.
 */
public final class CorpusScanner {

    /** A root given on the command line: a folder searched recursively, or a single file. */
    public record Root(String name, Path path, boolean isFile) {
        /** The root of {@code arg}: its folder name, or for a file the name of its folder. */
        public static Root of(Path arg) {
            Path abs = arg.toAbsolutePath().normalize();
            boolean isFile = Files.isRegularFile(abs);
            Path folder = isFile ? abs.getParent() : abs;
            Path name = folder == null ? null : folder.getFileName();
            return new Root(name == null ? "root" : name.toString(), arg, isFile);
        }

        /** True if a file at {@code relativePath} lies in what this root covers. */
        public boolean covers(String relativePath) {
            return !isFile || relativePath.equals(path.getFileName().toString());
        }
    }

    /**
     * A file or folder at {@code relativePath} under {@code root} (the root's name) that could not
     * be scanned, with its one-line report. What the store holds of it stays.
     */
    public record Unread(String root, String relativePath, String line) {
        /** True if the stored file at {@code path} under root {@code rootName} lies in what could not be read. */
        public boolean covers(String rootName, String path) {
            return root.equals(rootName) && (relativePath.isEmpty() || path.equals(relativePath)
                    || path.startsWith(relativePath + "/"));
        }
    }

    /** Files that are none of the known kinds, counted for the summary. */
    private final AtomicLong ignored = new AtomicLong();
    private final List<Unread> unread = new ArrayList<>();

    /** What could not be scanned so far, in the order met. */
    public List<Unread> unread() {
        return List.copyOf(unread);
    }

    public long ignored() {
        return ignored.get();
    }

    /** Calls {@code sink} for every candidate source file under {@code root}. */
    public void scan(Root root, Consumer<SourceFile> sink) {
        if (root.isFile()) {
            String rel = root.path().getFileName().toString();
            accept(root, rel, root.path(), sink);
            return;
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root.path(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root.path()) && isHidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A folder that cannot be listed (or a file whose attributes cannot be read):
                    // the rest of the corpus is still found.
                    unread.add(new Unread(root.name(), relative(root, file), new SourceException(Position.START,
                            "cannot read folder: " + SourceException.describe(e)).format(file.toString())));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isHidden(file)) {
                        files.add(file);
                    } else {
                        ignored.incrementAndGet();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record Found(String rel, Path file) {
        }
        List<Found> found = new ArrayList<>(files.size());
        for (Path file : files) {
            found.add(new Found(relative(root, file), file));
        }
        found.sort(Comparator.comparing(Found::rel));
        for (Found f : found) {
            accept(root, f.rel(), f.file(), sink);
        }
    }

    private void accept(Root root, String rel, Path file, Consumer<SourceFile> sink) {
        SourceKind kind = classify(rel);
        if (kind == null) {
            ignored.incrementAndGet();
        } else if (rel.indexOf('\uFFFD') >= 0) {
            // Undecodable bytes in a name read as U+FFFD: two such names would be one graph.
            unread.add(new Unread(root.name(), rel, new SourceException(Position.START,
                    "file name is not valid UTF-8 (rename the file)").format(file.toString())));
        } else {
            sink.accept(new SourceFile(root.name(), rel, file, kind));
        }
    }

    private static String relative(Root root, Path file) {
        return root.path().relativize(file).toString().replace('\\', '/');
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** The kind a file is by its place and name, or null for files that are ignored. */
    static SourceKind classify(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        String folder = "/" + (lower.contains("/") ? lower.substring(0, lower.lastIndexOf('/')) : "");
        if (folder.endsWith("/_data/topics")) {
            return lower.endsWith(".yaml") || lower.endsWith(".yml") ? SourceKind.TOPIC : null;
        }
        if (folder.endsWith("/_data/organizations")) {
            return lower.endsWith(".md") ? SourceKind.ORGANIZATION : null;
        }
        if ((folder + "/").contains("/_data/")) {
            return null;
        }
        // .txt is accepted because the project's own seed documents are front-matter .txt files.
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".txt")
                ? SourceKind.NEWS_ITEM : null;
    }
}
