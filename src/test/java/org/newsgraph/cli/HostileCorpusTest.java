package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;
import org.newsgraph.store.BuildListener;
import org.newsgraph.store.BuildOptions;
import org.newsgraph.store.BuildReport;
import org.newsgraph.store.CorpusLoader;
import org.newsgraph.store.NewsStore;
import org.newsgraph.store.StoreLayout;

/**
 * One corpus holding every hostile input we could think of, beside a few good files, built once
 * with the real command line (issue 16): each bad file is loaded with the warnings it deserves or
 * rejected with one line naming file, line and column; the good files load; nothing prints a
 * stack trace; the exit code is 2. Each case is a named test, so the report lists them.
 *
 * <p>Files that vanish or change while a build runs are made so by a second, incremental build
 * of the same store, whose listener changes them after the files were found and before they are
 * read (the command line has no such moment to hook).
 */
class HostileCorpusTest {

    @TempDir
    static Path dir;

    /** The main root, its name as graph names see it, and a second root (duplicates across roots). */
    static Path corpus;
    static Path second;
    static Path store;
    /** The corpus and store of the second build, where files change while it runs. */
    static Path races;
    static Path raceStore;

    /** The cases, in the order written; each knows its file and what the build must make of it. */
    static final List<Case> CASES = new ArrayList<>();
    /** Cases that need the second, incremental build (files changed while it ran). */
    static final List<Case> RACES = new ArrayList<>();

    static CliRun run;
    static List<String> secondRunLines;
    static BuildReport secondRun;
    /** "root/relative path" of every file graph in the store, after each build. */
    static Set<String> loadedAfterFirst;
    static Set<String> loadedAfterSecond;
    /** True where chmod 000 does not stop this process reading (root). */
    static boolean readsEverything;

    sealed interface Outcome {
    }

    /** Rejected with exactly this line after {@code path:}, printed {@code times} times. */
    record Rejected(String line, int times) implements Outcome {
        Rejected(String line) {
            this(line, 1);
        }
    }

    /** Loaded, with exactly these warnings (each {@code line:col: warning: ...}), in any order. */
    record Loaded(List<String> warnings) implements Outcome {
    }

    /** Not a source file: no line, no graph. */
    record Ignored() implements Outcome {
    }

    record Case(String name, Path root, String file, Outcome expected) {
        Path path() {
            return root.resolve(file);
        }

        String graphKey() {
            return root.getFileName() + "/" + file;
        }
    }

    // ---- building the corpus

    static String news(String title, String url, String extra) {
        return "---\ntitle: \"" + title + "\"\nwebUrl: \"" + url + "\"\npublishedDateTime: 2024-05-01T08:00:00Z\n"
                + "type: article\n" + extra + "---\n";
    }

    static void write(Path root, String file, String content) throws IOException {
        write(root, file, content.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path root, String file, byte[] content) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
    }

    static Case rejected(String name, String file, String content, String line) throws IOException {
        write(corpus, file, content);
        return add(new Case(name, corpus, file, new Rejected(line)));
    }

    static Case loaded(String name, String file, String content, String... warnings) throws IOException {
        write(corpus, file, content);
        return add(new Case(name, corpus, file, new Loaded(List.of(warnings))));
    }

    static Case ignored(String name, String file, String content) throws IOException {
        write(corpus, file, content);
        return add(new Case(name, corpus, file, new Ignored()));
    }

    static Case add(Case c) {
        CASES.add(c);
        return c;
    }

    @BeforeAll
    static void buildTheCorpus() throws Exception {
        corpus = dir.resolve("hostile");
        second = dir.resolve("second");
        store = dir.resolve("store");
        races = dir.resolve("races");
        raceStore = dir.resolve("race-store");
        Files.createDirectories(corpus);
        Files.createDirectories(second);

        goodFiles();
        fileSystemCases();
        encodingCases();
        fenceCases();
        yamlCases();
        wrongTypeCases();
        valueCases();
        sizeCases();
        taxonomyCases();

        run = CliRun.of("build", "--verbose", "--threads", "2", "--store", store.toString(), corpus.toString(),
                second.toString());
        loadedAfterFirst = loadedFiles(store);

        write(races, "_news/good.md", news(GOOD_1, "https://good.example/1", ""));
        CliRun first = CliRun.of("build", "--quiet", "--store", raceStore.toString(), races.toString());
        assertEquals(0, first.exitCode(), first.err());
        raceCases();
        List<String> lines = new ArrayList<>();
        Map<Case, Consumer<Path>> changes = new LinkedHashMap<>();
        for (Case c : RACES) {
            changes.put(c, RACE_CHANGES.get(c.name()));
        }
        BuildOptions options = new BuildOptions(List.of(races), IriMinter.DEFAULT_BASE, false, false, 2, Clock.systemUTC());
        secondRun = new CorpusLoader(new StoreLayout(raceStore), options, new BuildListener() {
            @Override
            public void planned(long files, boolean bulk) {
                changes.forEach((c, change) -> change.accept(c.path()));
            }

            @Override
            public void rejected(String line) {
                lines.add(line);
            }

            @Override
            public void warning(String line) {
                lines.add(line);
            }
        }).build();
        secondRunLines = lines;
        loadedAfterSecond = loadedFiles(raceStore);
    }

    static final String GOOD_1 = "Good one: the first good item";
    static final String GOOD_2 = "Good two";

    static void goodFiles() throws IOException {
        add(new Case("good news item with provider, topics, image and related", corpus, "_news/good-1.md",
                new Loaded(List.of())));
        write(corpus, "_news/good-1.md", news(GOOD_1, "https://good.example/1",
                "provider:\n  name: Good Org\n  domain: good.example\ntopics:\n  - Good Topic\n"
                        + "images:\n  - url: https://good.example/1.png\n    width: 640\n    height: 480\n"
                        + "related:\n  - title: Good two\n    webUrl: https://good.example/2\n"));
        add(new Case("good news item with a body", corpus, "_news/good-2.md", new Loaded(List.of())));
        write(corpus, "_news/good-2.md", news(GOOD_2, "https://good.example/2", "") + "Body of *good two*.\n");
        add(new Case("good topic file", corpus, "_data/topics/good.yaml", new Loaded(List.of())));
        write(corpus, "_data/topics/good.yaml", "_id: good\nname: Good Topic\nkeywords:\n  - goodness\n");
        add(new Case("good organization profile", corpus, "_data/organizations/good.example.md", new Loaded(List.of())));
        write(corpus, "_data/organizations/good.example.md", "---\nname: Good Org\ndomain: good.example\n---\nA good org.\n");
    }

    static void fileSystemCases() throws Exception {
        Path outside = dir.resolve("outside");
        write(outside, "secret.md", news("Outside the corpus", "https://outside.example/secret", ""));
        Files.createDirectories(corpus.resolve("links"));
        Files.createSymbolicLink(corpus.resolve("links/escape.md"), outside.resolve("secret.md"));
        add(new Case("symlink to a file outside the corpus root is not followed", corpus, "links/escape.md", new Ignored()));
        Files.createSymbolicLink(corpus.resolve("links/outside-folder"), outside);
        add(new Case("symlink to a folder outside the corpus root is not followed", corpus,
                "links/outside-folder/secret.md", new Ignored()));
        Files.createSymbolicLink(corpus.resolve("links/loop"), corpus.resolve("links"));
        add(new Case("symlink loop (a folder linking to its parent) is not followed", corpus,
                "links/loop/escape.md", new Ignored()));
        Files.createSymbolicLink(corpus.resolve("links/self.md"), corpus.resolve("links/self.md"));
        add(new Case("symlink to itself is not followed", corpus, "links/self.md", new Ignored()));
        Files.createSymbolicLink(corpus.resolve("links/dangling.md"), dir.resolve("no-such-file.md"));
        add(new Case("dangling symlink is not followed", corpus, "links/dangling.md", new Ignored()));

        write(corpus, "_news/unreadable.md", news("Unreadable", "https://bad.example/unreadable", ""));
        Path unreadable = corpus.resolve("_news/unreadable.md");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        readsEverything = Files.isReadable(unreadable);
        add(new Case("unreadable file (chmod 000)", corpus, "_news/unreadable.md",
                new Rejected("1:1: cannot read: permission denied")));

        write(corpus, "_news/locked/inside.md", news("Locked away", "https://bad.example/locked", ""));
        Files.setPosixFilePermissions(corpus.resolve("_news/locked"), PosixFilePermissions.fromString("---------"));
        add(new Case("unreadable folder (chmod 000)", corpus, "_news/locked",
                new Rejected("1:1: cannot read folder: permission denied")));

        ignored("0-byte news file is not a news item", "_news/zero.md", "");
        ignored("markdown without front matter is not a news item", "_news/plain.md", "# Just a page\n\nNo front matter.\n");
        ignored("hidden file is skipped", "_news/.hidden.md", news("Hidden", "https://bad.example/hidden", ""));
        ignored("file of an unknown extension is skipped", "_news/notes.json", "{\"title\": 1}");
        loaded("upper-case .MD extension", "_news/UPPER.MD", news("Upper case extension", "https://ok.example/upper", ""));
        loaded("file name with spaces, '#', '%' and '?'", "_news/we ird #1 100% ?.md",
                news("Weird name", "https://ok.example/weird-name", ""));
        loaded("file name with a newline", "_news/new\nline.md",
                news("Newline in name", "https://ok.example/newline", "quality: high\n"),
                "6:10: warning: 'quality' should be an integer, found 'high'; kept as text");
        loaded("file name with a tab and a bell", "_news/tab\tbell\u0007.md",
                news("Tab in name", "https://ok.example/tab", "quality: low\n"),
                "6:10: warning: 'quality' should be an integer, found 'low'; kept as text");
        loaded("file names in NFC and NFD are two files", "_news/caf\u00e9.md", news("NFC", "https://ok.example/nfc", ""));
        loaded("file names in NFC and NFD are two files (NFD)", "_news/cafe\u0301.md",
                news("NFD", "https://ok.example/nfd", ""));

        invalidUtf8Names();

        // Two roots holding the same item: both files load, the item is one node.
        loaded("duplicate item across two corpus roots (first root)", "_news/dup.md",
                news("Duplicate across roots", "https://dup.example/story", ""));
        write(second, "_news/dup.md", news("Duplicate across roots", "https://dup.example/story", ""));
        add(new Case("duplicate item across two corpus roots (second root)", second, "_news/dup.md", new Loaded(List.of())));
        write(second, "_news/dup-other-name.md", news("Duplicate across roots, retitled", "https://dup.example/story", ""));
        add(new Case("duplicate item in another file of the second root", second, "_news/dup-other-name.md",
                new Loaded(List.of())));
    }

    /** File names that are not valid UTF-8 can only be made below Java, by the shell. */
    static void invalidUtf8Names() throws Exception {
        Path tmp = dir.resolve("invalid-name-content.md");
        Files.writeString(tmp, news("Invalid name", "https://ok.example/invalid-name", ""));
        Path tmp2 = dir.resolve("invalid-name-content-2.md");
        Files.writeString(tmp2, news("Invalid name two", "https://ok.example/invalid-name-2", ""));
        Process p = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$3/bad$(printf '\\377').md\" && cp \"$2\" \"$3/bad$(printf '\\376').md\"",
                "sh", tmp.toString(), tmp2.toString(), corpus.resolve("_news").toString()).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "sh made the file names");
        add(new Case("file names with invalid UTF-8 bytes (0xFF and 0xFE)", corpus, "_news/bad\uFFFD.md",
                new Rejected("1:1: file name is not valid UTF-8 (rename the file)", 2)));
    }

    static void encodingCases() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        write(corpus, "_news/bom.md", concat(bom, news("With a BOM", "https://ok.example/bom", "").getBytes(StandardCharsets.UTF_8)));
        add(new Case("UTF-8 byte-order mark", corpus, "_news/bom.md", new Loaded(List.of())));
        loaded("CRLF line ends", "_news/crlf.md", news("CRLF lines", "https://ok.example/crlf", "quality: 5\n")
                .replace("\n", "\r\n") + "Body\r\nwith CRLF\r\n");
        ignored("CR-only line ends (old Mac) are one line: no front matter", "_news/cr-only.md",
                news("CR only", "https://ok.example/cr", "").replace("\n", "\r"));
        write(corpus, "_news/latin1.md", news("Caf\u00e9", "https://bad.example/latin1", "")
                .getBytes(StandardCharsets.ISO_8859_1));
        add(new Case("Latin-1 bytes (not UTF-8)", corpus, "_news/latin1.md", new Rejected("2:12: not valid UTF-8 (byte 0xE9)")));
        write(corpus, "_news/utf16.md", news("UTF-16", "https://bad.example/utf16", "").getBytes(StandardCharsets.UTF_16));
        add(new Case("UTF-16 with its BOM", corpus, "_news/utf16.md", new Rejected("1:1: not valid UTF-8 (byte 0xFE)")));
        write(corpus, "_news/nul.md", news("NUL", "https://bad.example/nul", "excerpt: a\0b\n"));
        add(new Case("raw NUL byte", corpus, "_news/nul.md", new Rejected("6:11: contains a NUL character (binary file?)")));
        write(corpus, "_news/overlong.md", concat(news("x", "https://bad.example/overlong", "").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC0, (byte) 0xAF, '\n'}));
        add(new Case("overlong UTF-8 encoding of '/'", corpus, "_news/overlong.md", new Rejected("7:1: not valid UTF-8 (byte 0xC0)")));
        write(corpus, "_news/encoded-surrogate.md", concat("---\ntitle: ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n', '-', '-', '-', '\n'}));
        add(new Case("surrogate encoded in UTF-8 (CESU)", corpus, "_news/encoded-surrogate.md",
                new Rejected("2:8: not valid UTF-8 (byte 0xED)")));
        rejected("raw control character", "_news/bell.md", "---\ntitle: \"ring \u0007\"\n---\n",
                "2:14: YAML error: special character U+0007 is not allowed");
        loaded("escaped surrogate half \\ud800 in a title", "_news/surrogate.md",
                news("half \\ud800 surrogate", "https://ok.example/surrogate", ""));
        loaded("escaped NUL \\0 and controls in a value", "_news/escaped-nul.md",
                news("nul \\0 bell \\a esc \\e", "https://ok.example/escaped-nul", "excerpt: \"line\\u2028sep\\x85nel\"\n"));
        loaded("unicode escapes and astral characters", "_news/unicode.md",
                news("\\u00e9t\\u00e9 \\U0001F600 \u0915\u094D\u0937", "https://ok.example/unicode", ""));
        loaded("right-to-left override and zero-width characters", "_news/bidi.md",
                news("abc\u202Edef\u200B", "https://ok.example/bidi", ""));
    }

    static void fenceCases() throws IOException {
        rejected("front matter is only an opening '---'", "_news/only-open.md", "---\n",
                "1:1: front matter opened on line 1 is never closed with '---'");
        rejected("empty front matter", "_news/empty-fm.md", "---\n---\nbody\n", "1:1: front matter is empty");
        rejected("front matter of blank lines and comments", "_news/comment-fm.md", "---\n\n# nothing\n\n---\n",
                "1:1: front matter is empty");
        loaded("text after the closing fence is the body", "_news/after-fence.md",
                news("After fence", "https://ok.example/after", "") + "title: not front matter\n");
        loaded("many '---' lines after the front matter", "_news/many-fences.md",
                news("Many fences", "https://ok.example/many", "") + "---\n---\n---\n");
        loaded("front matter closed with '...'", "_news/dots.md",
                news("Dots", "https://ok.example/dots", "").replaceFirst("---\n$", "...\n"));
        loaded("fences with trailing spaces", "_news/fence-spaces.md",
                news("Fence spaces", "https://ok.example/fence-spaces", "").replace("---\n", "---   \n"));
        ignored("'---' not on the first line is not front matter", "_news/late-fence.md",
                "\n" + news("Late", "https://ok.example/late", ""));
        rejected("front matter is a single value", "_news/scalar-fm.md", "---\njust words\n---\n",
                "2:1: front matter must be a mapping of keys to values, found a single value");
        rejected("front matter is a list", "_news/list-fm.md", "---\n- a\n- b\n---\n",
                "2:1: front matter must be a mapping of keys to values, found a list");
        rejected("YAML directive inside front matter", "_news/directive.md", "---\n%YAML 1.2\ntitle: x\n---\n",
                "3:1: YAML syntax error: expected '<document start>', but found '<scalar>'");
    }

    static void yamlCases() throws IOException {
        loaded("YAML anchors and merge keys (<<: *x)", "_news/merge.md", "---\nbase: &b\n  title: Merged title\n"
                + "  type: article\n<<: *b\nwebUrl: https://ok.example/merge\n---\n");
        loaded("anchor reused for related entries", "_news/anchor-related.md", news("Anchors", "https://ok.example/anchors",
                "related:\n  - &r\n    title: Shown twice\n    webUrl: https://ok.example/shown\n  - *r\n"));
        rejected("alias to an undefined anchor", "_news/undefined-alias.md", news("x", "https://bad.example/alias",
                "excerpt: *nope\n"), "6:10: YAML syntax error: found undefined alias nope");
        rejected("recursive alias (a list containing itself)", "_news/recursive.md",
                news("x", "https://bad.example/recursive", "extra: &a [1, *a]\n"),
                "6:8: an alias refers to a value that contains it (a recursive structure)");
        rejected("merge key of a non-mapping", "_news/bad-merge.md", "---\n<<: [1, 2]\ntitle: x\n---\n",
                "4:1: YAML syntax error: Expected mapping node or an anchor referencing mapping");
        rejected("tab indentation", "_news/tabs.md", "---\ntitle: x\nprovider:\n\tname: y\n---\n",
                "4:1: YAML syntax error: while scanning for the next token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
        loaded("tabs inside values", "_news/tab-values.md", news("tab\tinside", "https://ok.example/tabs", "excerpt: \"a\\tb\"\n"));
        rejected("duplicate key", "_news/dup-key.md", news("x", "https://bad.example/dup-key", "title: again\n"),
                "6:1: duplicate key 'title'");
        rejected("null key", "_news/null-key.md", news("x", "https://bad.example/null-key", "~: value\n"),
                "6:1: a mapping key must be a plain value");
        rejected("mapping as a key", "_news/complex-key.md", news("x", "https://bad.example/complex-key", "? {a: b}\n: c\n"),
                "6:3: a mapping key must be a plain value");
        loaded("integer and boolean keys become extra fields", "_news/number-keys.md",
                news("Number keys", "https://ok.example/number-keys", "1: one\ntrue: yes\n"));
        rejected("very long key (10,000 characters)", "_news/long-key.md",
                news("x", "https://bad.example/long-key", "k".repeat(10_000) + ": v\n"),
                "6:10001: YAML syntax error: while scanning a simple key: could not find expected ':'");
        loaded("long quoted key (1,000 characters)", "_news/quoted-long-key.md",
                news("Long key", "https://ok.example/long-key", "\"" + "k".repeat(1_000) + "\": v\n"));
        StringBuilder deep = new StringBuilder("---\ntitle: Deep\nwebUrl: https://bad.example/deep\nx:\n");
        for (int i = 1; i <= 45; i++) {
            deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        rejected("block mappings nested 45 deep", "_news/deep-block.md", deep.append("---\n").toString(),
                "2:1: YAML error: Nesting Depth exceeded max 40");
        rejected("flow lists nested 500 deep", "_news/deep-flow.md",
                "---\ntitle: " + "[".repeat(500) + "]".repeat(500) + "\n---\n", "2:1: YAML error: Nesting Depth exceeded max 40");
        StringBuilder bomb = new StringBuilder("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        rejected("billion laughs", "_news/laughs.md", bomb.append("---\n").toString(),
                "2:1: YAML error: Number of aliases for non-scalar nodes exceeds the specified max=50");
        rejected("global tag (!!java...)", "_news/java-tag.md", "---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\n",
                "2:8: YAML syntax error: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
        loaded("local and binary tags stay text", "_news/local-tag.md",
                news("Tags", "https://ok.example/tags", "excerpt: !shout loud\nblob: !!binary aGVsbG8=\n"));
        loaded("!!int on a word stays text, with a warning", "_news/int-tag.md",
                news("Int tag", "https://ok.example/int-tag", "quality: !!int many\n"),
                "6:10: warning: 'quality' should be an integer, found 'many'; kept as text");
        rejected("unclosed quote", "_news/unclosed-quote.md", "---\ntitle: \"open\n---\n",
                "3:1: YAML syntax error: while scanning a quoted scalar: found unexpected end of stream");
        rejected("second YAML document in a topic file", "_data/topics/two-docs.yaml", "name: A\n---\nname: B\n",
                "2:1: YAML syntax error: expected a single document in the stream: but found another document");
    }

    static void wrongTypeCases() throws IOException {
        rejected("title is a list", "_news/title-list.md", "---\ntitle: [a, b]\nwebUrl: https://bad.example/title-list\n---\n",
                "2:1: item has no title");
        rejected("title is a mapping", "_news/title-map.md", "---\ntitle: {a: b}\nwebUrl: https://bad.example/title-map\n---\n",
                "2:1: item has no title");
        rejected("title is null", "_news/title-null.md", "---\ntitle: ~\nwebUrl: https://bad.example/title-null\n---\n",
                "2:1: item has no title");
        rejected("webUrl is a list", "_news/url-list.md", "---\ntitle: x\nwebUrl: [https://bad.example/u]\n---\n",
                "2:1: item has neither webUrl nor originalUrl");
        rejected("webUrl is blank", "_news/url-blank.md", "---\ntitle: x\nwebUrl: \"   \"\n---\n",
                "2:1: item has neither webUrl nor originalUrl");
        loaded("topics is a mapping", "_news/topics-map.md", news("Topics map", "https://ok.example/topics-map",
                "topics: {a: 1}\n"), "6:9: warning: 'topics' should be a list of values, found a mapping; kept as an extra field");
        loaded("excerpt is a mapping", "_news/excerpt-map.md", news("Excerpt map", "https://ok.example/excerpt-map",
                "excerpt: {a: b}\n"), "6:10: warning: 'excerpt' should be a single value, found a mapping; kept as an extra field");
        loaded("provider is a list", "_news/provider-list.md", news("Provider list", "https://ok.example/provider-list",
                "provider: [a, b]\n"), "6:11: warning: 'provider' should be a mapping, found a list; kept as an extra field");
        loaded("related is a single value", "_news/related-text.md", news("Related text", "https://ok.example/related-text",
                "related: see also\n"), "6:10: warning: 'related' should be a mapping, found a single value; kept as an extra field");
        loaded("related entry is a list", "_news/related-list.md", news("Related list", "https://ok.example/related-list",
                "related:\n  - [a, b]\n"), "7:5: warning: 'related' should be a mapping, found a list; kept as an extra field");
        loaded("images is a number", "_news/images-number.md", news("Images number", "https://ok.example/images-number",
                "images: 42\n"), "6:9: warning: 'url' is not a usable URL ('42'); kept as text");
        loaded("image without url", "_news/image-no-url.md", news("Image no url", "https://ok.example/image-no-url",
                "images:\n  - width: 5\n"), "7:5: warning: 'images' should be an image with a url, found a mapping; kept as an extra field");
        loaded("quality, heat, published of wrong types", "_news/wrong-scalars.md", news("Wrong scalars",
                "https://ok.example/wrong-scalars", "quality: high\nheat: 1.5\npublished: maybe\nremoved: [x]\n"),
                "6:10: warning: 'quality' should be an integer, found 'high'; kept as text",
                "9:10: warning: 'removed' should be a single value, found a list; kept as an extra field",
                "7:7: warning: 'heat' should be an integer, found '1.5'; kept as text",
                "8:12: warning: 'published' should be true or false, found 'maybe'; kept as text");
        loaded("null values are absent", "_news/nulls.md", news("Nulls", "https://ok.example/nulls",
                "excerpt: null\nquality: ~\ntopics: [~, ~]\nprovider:\n"));
        loaded("provider without domain", "_news/provider-no-domain.md", news("No domain", "https://ok.example/no-domain",
                "provider:\n  name: Nameless Co\n"), "7:3: warning: provider 'Nameless Co' has no domain; identified by name");
        loaded("provider domain that is no host name", "_news/bad-domain.md", news("Bad domain", "https://ok.example/bad-domain",
                "provider:\n  domain: \"exa mple..com/path\"\n"),
                "7:11: warning: 'domain' should be a host name, found 'exa mple..com/path'; kept as text");
        loaded("related entry without url", "_news/related-no-url.md", news("Related no url", "https://ok.example/related-no-url",
                "related:\n  - title: Lost\n"), "7:5: warning: related entry 1 has neither webUrl nor originalUrl; kept as a snapshot of no item");
    }

    static void valueCases() throws IOException {
        loaded("huge integer (100 digits)", "_news/huge-int.md", news("Huge int", "https://ok.example/huge-int",
                "quality: " + "9".repeat(100) + "\n"));
        loaded("integer overflowing a double (400 digits) and 1e999", "_news/huge-float.md", news("Huge float",
                "https://ok.example/huge-float", "quality: " + "9".repeat(400) + "\nheat: 1e999\n"),
                "7:7: warning: 'heat' should be an integer, found '1e999'; kept as text");
        loaded("hex, octal and sexagesimal integers", "_news/odd-ints.md", news("Odd ints", "https://ok.example/odd-ints",
                "quality: 0x1F\nheat: 1:30\n"));
        loaded("year 99999", "_news/year-99999.md", news("Year 99999", "https://ok.example/y99999", "")
                .replace("2024-05-01T08:00:00Z", "99999-01-01T00:00:00Z"),
                "4:20: warning: 'publishedDateTime' should be a date and time, found '99999-01-01T00:00:00Z'; kept as text");
        loaded("negative year", "_news/year-negative.md", news("Negative year", "https://ok.example/yneg", "")
                .replace("2024-05-01T08:00:00Z", "-0044-03-15T12:00:00Z"),
                "4:20: warning: 'publishedDateTime' should be a date and time, found '-0044-03-15T12:00:00Z'; kept as text");
        loaded("year 0000", "_news/year-zero.md", news("Year zero", "https://ok.example/y0", "")
                .replace("2024-05-01T08:00:00Z", "0000-01-01"));
        loaded("February 30", "_news/feb-30.md", news("Feb 30", "https://ok.example/feb30", "")
                .replace("2024-05-01T08:00:00Z", "2021-02-30T10:00:00Z"),
                "4:20: warning: 'publishedDateTime' should be a date and time, found '2021-02-30T10:00:00Z'; kept as text");
        loaded("hour 25 and offset +25:00", "_news/hour-25.md", news("Hour 25", "https://ok.example/h25",
                "related:\n  - title: r\n    webUrl: https://ok.example/r25\n    publishedDateTime: 2021-01-01T10:00:00+25:00\n")
                .replace("2024-05-01T08:00:00Z", "2021-01-01T25:00:00Z"),
                "4:20: warning: 'publishedDateTime' should be a date and time, found '2021-01-01T25:00:00Z'; kept as text",
                "9:24: warning: 'publishedDateTime' should be a date and time, found '2021-01-01T10:00:00+25:00'; kept as text");
        loaded("date as a number and as a list", "_news/date-types.md", "---\ntitle: Date types\nwebUrl: https://ok.example/dates\n"
                + "publishedDateTime: 20210101\nrelated:\n  - title: r\n    webUrl: https://ok.example/rd\n    publishedDateTime: [2021]\n---\n",
                "4:20: warning: 'publishedDateTime' should be a date and time, found '20210101'; kept as text",
                "8:24: warning: 'publishedDateTime' should be a single value, found a list; kept as an extra field");
        loaded("URL with spaces in the path", "_news/url-space.md", news("Url space", "https://ok.example/a b c", ""),
                "3:9: warning: 'webUrl' has characters an IRI cannot hold; percent-encoded as https://ok.example/a%20b%20c");
        loaded("URL with a space in the host", "_news/url-space-host.md", news("Url host", "https://exa mple.com/x", ""),
                "3:9: warning: 'webUrl' is not a usable URL ('https://exa mple.com/x'); kept as text");
        loaded("URL with control characters", "_news/url-control.md", news("Url control", "https://ok.example/a\\x01\\nb", ""),
                "3:9: warning: 'webUrl' has characters an IRI cannot hold; percent-encoded as https://ok.example/a%01%0Ab");
        // Kept as IRIs, with a warning: they are valid IRIs, and the server never makes them links.
        loaded("javascript: URL is kept as an IRI, with a warning", "_news/url-javascript.md", news("Url javascript",
                "javascript:alert(document.cookie)",
                "images:\n  - url: \"javascript:alert(1)\"\nfeaturedContent: \"<iframe src='javascript:alert(2)'></iframe>\"\n"),
                "3:9: warning: 'webUrl' is not a web address (javascript:); kept as an IRI",
                "7:10: warning: 'url' is not a web address (javascript:); kept as an IRI",
                "8:18: warning: 'featuredContent' is not a web address (javascript:); kept as an IRI");
        loaded("relative and protocol-relative URLs", "_news/url-relative.md", news("Url relative", "https://ok.example/rel",
                "originalUrl: /a/b\nampWebUrl: //cdn.example/x\n"),
                "6:14: warning: 'originalUrl' is a relative URL ('/a/b'); kept as text",
                "7:12: warning: 'ampWebUrl' is a relative URL ('//cdn.example/x'); kept as text");
        loaded("URL with quotes, angle brackets and a second '#'", "_news/url-quotes.md",
                news("Url quotes", "https://ok.example/\\\"<x>\\\"#a#b", ""),
                "3:9: warning: 'webUrl' has characters an IRI cannot hold; percent-encoded as https://ok.example/%22%3Cx%3E%22#a%23b");
        loaded("HTML and script in text fields", "_news/html.md", news("<script>alert(1)</script> & <b>bold</b>",
                "https://ok.example/html", "excerpt: \"<img src=x onerror=alert(1)>\"\n") + "<script>body()</script>\n");
        loaded("topic names that slug to nothing or alike", "_news/topic-names.md", news("Topic names", "https://ok.example/topic-names",
                "topics:\n  - \"   \"\n  - \"../../etc\"\n  - \"A/B?c#d\"\n  - \"\\u00C5ngstr\\u00F6m\"\n  - \"A\\u030Angstro\\u0308m\"\n"));
    }

    static void sizeCases() throws IOException {
        byte[] tenMb = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMb, (byte) 'a');
        byte[] head = "---\ntitle: Big\nwebUrl: https://bad.example/big\nexcerpt: ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, tenMb, 0, head.length);
        write(corpus, "_news/ten-mb.md", tenMb);
        add(new Case("10 MB value (file over 8 MiB)", corpus, "_news/ten-mb.md",
                new Rejected("1:1: file is larger than 8 MiB (10485760 bytes)")));
        rejected("5 MB value over many lines (over the YAML limit of 4 Mi code points)", "_news/five-mb.md",
                news("Five MB", "https://bad.example/five-mb", "excerpt: >\n" + ("  " + "b".repeat(77) + "\n").repeat(64 * 1024)),
                "2:1: YAML error: The incoming YAML document exceeds the limit: 4194304 code points.");
        rejected("line of over 1 Mi characters (one word YAML would read in quadratic time)", "_news/long-line.md",
                news("Long line", "https://bad.example/long-line", "excerpt: " + "c".repeat(1024 * 1024 + 1) + "\n"),
                "6:1048577: line is longer than 1048576 characters (1048586)");
        loaded("100 KB value in one word", "_news/100-kb.md", news("100 KB", "https://ok.example/100-kb",
                "excerpt: " + "c".repeat(100 * 1024) + "\n"));
        StringBuilder related = new StringBuilder("related:\n");
        for (int i = 0; i < 10_000; i++) {
            // A hundred stories, each shown a hundred times: the list is long, the store stays small.
            related.append("  - title: R").append(i % 100).append("\n    webUrl: https://many.example/").append(i % 100)
                    .append('\n');
        }
        loaded("10,000 related entries", "_news/many-related.md", news("Many related", "https://ok.example/many-related",
                related.toString()));
        StringBuilder topics = new StringBuilder("topics:\n");
        for (int i = 0; i < 200; i++) {
            topics.append("  - T").append(i).append('\n');
        }
        loaded("200 topics on one item", "_news/many-topics.md", news("Many topics", "https://ok.example/many-topics",
                topics.toString()));
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            keys.append("key").append(i).append(": v\n");
        }
        loaded("300 unknown keys", "_news/many-keys.md", news("Many keys", "https://ok.example/many-keys", keys.toString()));
    }

    static void taxonomyCases() throws IOException {
        rejected("topic file that is a list", "_data/topics/list.yaml", "- name: A\n- name: B\n",
                "1:1: topic file must be a mapping of keys to values, found a list");
        rejected("topic file of 0 bytes", "_data/topics/zero.yaml", "", "1:1: topic file is empty");
        rejected("topic file that is a single value", "_data/topics/scalar.yaml", "just a name\n",
                "1:1: topic file must be a mapping of keys to values, found a single value");
        rejected("topic without a name", "_data/topics/no-name.yaml", "_id: x\nkeywords: [a]\n", "1:1: topic has no name");
        rejected("topic name is a mapping", "_data/topics/name-map.yaml", "name: {a: b}\n", "1:1: topic has no name");
        rejected("topic file with tab indentation", "_data/topics/tabs.yaml", "name: T\nkeywords:\n\t- a\n",
                "3:1: YAML syntax error: while scanning for the next token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
        write(corpus, "_data/topics/latin1.yaml", "name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        add(new Case("topic file not in UTF-8", corpus, "_data/topics/latin1.yaml", new Rejected("1:10: not valid UTF-8 (byte 0xE9)")));
        rejected("topic file with front-matter fences", "_data/topics/fenced.yaml", "---\nname: Fenced\n---\n",
                "3:1: YAML syntax error: expected a single document in the stream: but found another document");
        loaded("topic file with a BOM and CRLF", "_data/topics/bom-crlf.yaml", "\uFEFFname: Bom Topic\r\nparent: Good Topic\r\n");
        loaded("topic that is its own parent", "_data/topics/self-parent.yaml", "name: Ouroboros\nparent: Ouroboros\n");
        loaded("two topics each other's parent (first)", "_data/topics/cycle-a.yaml", "name: Cycle A\nparent: Cycle B\n");
        loaded("two topics each other's parent (second)", "_data/topics/cycle-b.yaml", "name: Cycle B\nparent: Cycle A\n");
        loaded("topic with keywords of wrong shapes", "_data/topics/bad-keywords.yaml",
                "name: Bad keywords\nkeywords:\n  - [a]\n  - {b: c}\nimages: {x: y}\n",
                "3:5: warning: 'keywords' should be a single value, found a list; kept as an extra field",
                "4:5: warning: 'keywords' should be a single value, found a mapping; kept as an extra field",
                "5:9: warning: 'images' should be an image with a url, found a mapping; kept as an extra field");
        ignored("file in _data/topics that is not YAML", "_data/topics/readme.md", news("Not a topic", "https://bad.example/t", ""));
        ignored("file elsewhere in _data", "_data/authors/someone.md", news("Not an item", "https://bad.example/a", ""));
        rejected("organization file with unclosed front matter", "_data/organizations/unclosed.md", "---\nname: X\ndomain: x.example\n",
                "1:1: front matter opened on line 1 is never closed with '---'");
        rejected("organization file without front matter", "_data/organizations/plain.md", "Just text about X.\n",
                "1:1: no front matter: the file must start with a '---' line");
        rejected("organization file of 0 bytes", "_data/organizations/zero.md", "",
                "1:1: no front matter: the file must start with a '---' line");
        rejected("organization without a domain", "_data/organizations/no-domain.md", "---\nname: X\n---\n",
                "2:1: organization profile has no domain");
        rejected("organization domain is a list", "_data/organizations/domain-list.md", "---\nname: X\ndomain: [a.example]\n---\n",
                "2:1: organization profile has no domain");
        rejected("organization front matter with a YAML error", "_data/organizations/broken.md", "---\nname: [X\ndomain: x.example\n---\n",
                "3:7: YAML syntax error: while parsing a flow sequence: expected ',' or ']', but got :");
        loaded("organization with an upper-case domain and odd images", "_data/organizations/UPPER.example.md",
                "---\nname: Upper\ndomain: UPPER.Example\nimages:\n  - 7\n  - {width: 1}\n---\n",
                "5:5: warning: 'url' is not a usable URL ('7'); kept as text",
                "6:5: warning: 'images' should be an image with a url, found a mapping; kept as an extra field");
    }

    static final Map<String, Consumer<Path>> RACE_CHANGES = new LinkedHashMap<>();

    static void raceCases() throws IOException {
        race("file vanishes after the build found it", "_news/vanishes.md", news("Vanishes", "https://race.example/vanishes", ""),
                p -> uncheck(() -> Files.delete(p)), new Rejected("1:1: cannot read: no such file (deleted during the build?)"));
        race("file changes after the build found it", "_news/changes.md", news("Before the change", "https://race.example/changes", ""),
                p -> uncheck(() -> Files.writeString(p, news("After the change", "https://race.example/changes", ""))),
                new Loaded(List.of()));
        race("file becomes a folder after the build found it", "_news/becomes-folder.md",
                news("Becomes folder", "https://race.example/folder", ""),
                p -> uncheck(() -> {
                    Files.delete(p);
                    Files.createDirectories(p);
                }), new Rejected("1:1: cannot read: Is a directory"));
        race("file truncated to 0 bytes after the build found it", "_news/truncated.md",
                news("Truncated", "https://race.example/truncated", ""),
                p -> uncheck(() -> Files.write(p, new byte[0])), new Ignored());
    }

    static void race(String name, String file, String content, Consumer<Path> change, Outcome expected) throws IOException {
        write(races, file, content);
        Case c = new Case(name, races, file, expected);
        RACES.add(c);
        RACE_CHANGES.put(name, change);
    }

    interface IoAction {
        void run() throws IOException;
    }

    static void uncheck(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @AfterAll
    static void letJUnitDeleteWhatWasLocked() throws IOException {
        Files.setPosixFilePermissions(corpus.resolve("_news/locked"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(corpus.resolve("_news/unreadable.md"), PosixFilePermissions.fromString("rw-------"));
    }

    // ---- reading the results

    static Set<String> loadedFiles(Path storeDir) {
        Set<String> files = new HashSet<>();
        select(storeDir, "SELECT ?root ?path { GRAPH ?g { ?s <" + Vocab.NG_SOURCE_ROOT.getURI() + "> ?root ; <"
                + Vocab.NG_PATH.getURI() + "> ?path } }",
                s -> files.add(s.getLiteral("root").getString() + "/" + s.getLiteral("path").getString()));
        return files;
    }

    static void select(Path storeDir, String query, Consumer<QuerySolution> each) {
        try (NewsStore s = NewsStore.open(new StoreLayout(storeDir))) {
            DatasetGraph dsg = s.database();
            Txn.executeRead(dsg, () -> {
                try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(query).build()) {
                    ResultSet rs = qe.execSelect();
                    rs.forEachRemaining(each);
                }
            });
        }
    }

    static boolean ask(String query) {
        return ask(store, query);
    }

    static boolean ask(Path storeDir, String query) {
        try (NewsStore s = NewsStore.open(new StoreLayout(storeDir))) {
            DatasetGraph dsg = s.database();
            return Txn.calculateRead(dsg, () -> {
                try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(query).build()) {
                    return qe.execAsk();
                }
            });
        }
    }

    /** The lines printed for the file at {@code path} (its display form, then ':' and a line number). */
    static List<String> linesFor(List<String> lines, Path path) {
        String prefix = display(path) + ":";
        return lines.stream().filter(l -> l.startsWith(prefix) && l.length() > prefix.length()
                && Character.isDigit(l.charAt(prefix.length()))).map(l -> l.substring(prefix.length())).toList();
    }

    /** A path as the build prints it: on one line. */
    static String display(Path path) {
        return org.newsgraph.source.SourceText.oneLine(path.toString());
    }

    static void check(Case c, List<String> lines, Set<String> loaded) {
        List<String> got = linesFor(lines, c.path());
        if (c.expected() instanceof Rejected r) {
            assertEquals(java.util.Collections.nCopies(r.times(), r.line()), got, c.name());
            assertFalse(loaded.contains(c.graphKey()), "no graph for a file rejected on its first build");
        } else if (c.expected() instanceof Loaded l) {
            assertEquals(l.warnings().stream().sorted().toList(), got.stream().sorted().toList(), c.name());
            assertTrue(loaded.contains(c.graphKey()), "loaded: " + c.graphKey());
        } else {
            assertEquals(List.of(), got, c.name());
            assertFalse(loaded.contains(c.graphKey()), "not loaded: " + c.graphKey());
        }
    }

    static List<String> errLines() {
        return run.err().lines().toList();
    }

    static boolean isPermissionCase(Case c) {
        return c.file().equals("_news/unreadable.md") || c.file().equals("_news/locked");
    }

    // ---- the tests

    @TestFactory
    Stream<DynamicTest> eachCase() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (isPermissionCase(c)) {
                assumeFalse(readsEverything, "this process reads files whatever their permissions (root):"
                        + " chmod 000 cannot make a file unreadable here");
            }
            check(c, errLines(), loadedAfterFirst);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachFileChangedDuringTheBuild() {
        return RACES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, secondRunLines, loadedAfterSecond)));
    }

    @Test
    void theCaseCountIsAsTheIssueAsks() {
        assertTrue(CASES.size() + RACES.size() >= 60, "cases: " + (CASES.size() + RACES.size()));
    }

    @Test
    void exitCodeIsTwo() {
        assertEquals(2, run.exitCode(), run.err());
    }

    @Test
    void noStackTraceAndNoInternalError() {
        for (String text : List.of(run.err(), run.out(), String.join("\n", secondRunLines))) {
            assertFalse(text.contains("\tat "), text);
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("internal error"), text);
            assertFalse(text.contains("Caused by"), text);
        }
    }

    @Test
    void everyLineIsOneProblemOfOneCase() {
        Set<String> prefixes = new HashSet<>();
        for (Case c : CASES) {
            prefixes.add(display(c.path()));
        }
        List<String> stray = new ArrayList<>();
        for (String line : errLines()) {
            boolean known = line.matches(".*:\\d+:\\d+: .*") && prefixes.stream().anyMatch(p -> line.startsWith(p + ":"));
            if (!known) {
                stray.add(line);
            }
        }
        assertEquals(List.of(), stray);
        int rejected = CASES.stream().filter(c -> !(readsEverything && isPermissionCase(c)))
                .mapToInt(c -> c.expected() instanceof Rejected r ? r.times() : 0).sum();
        assertTrue(run.out().contains(rejected + " rejected"), run.out());
    }

    @Test
    void theGoodFilesLoaded() {
        StringBuilder prefixes = new StringBuilder();
        Vocab.prefixes().getNsPrefixMap().forEach((p, ns) -> prefixes.append("PREFIX ").append(p).append(": <").append(ns).append("> "));
        String schema = prefixes.toString();
        assertTrue(ask(schema + "ASK { GRAPH ?g { ?i schema:headline \"" + GOOD_1 + "\" ; schema:url <https://good.example/1> ;"
                + " schema:publisher ?p ; schema:about ?t } }"));
        assertTrue(ask(schema + "ASK { GRAPH ?g { ?i schema:headline \"" + GOOD_2 + "\" ; schema:articleBody \"Body of *good two*.\\n\" } }"));
        assertTrue(ask(schema + "ASK { GRAPH ?g { ?t skos:prefLabel \"Good Topic\" ; skos:altLabel \"goodness\" } }"));
        assertTrue(ask(schema + "ASK { GRAPH ?g { ?o schema:name \"Good Org\" ; schema:description \"A good org.\" } }"));
        assertTrue(ask(schema + "ASK { GRAPH ?g { ?i schema:headline \"Merged title\" ; schema:url <https://ok.example/merge> } }"),
                "merge keys merged");
        assertTrue(ask(schema + "ASK { GRAPH ?g { ?i schema:headline \"CRLF lines\" ; schema:articleBody \"Body\\r\\nwith CRLF\\r\\n\" } }"),
                "CRLF");
        assertTrue(ask(schema + "ASK { GRAPH ?g { ?i schema:headline \"With a BOM\" } }"), "BOM");
        assertFalse(ask(schema + "ASK { GRAPH ?g { ?i schema:headline \"Outside the corpus\" } }"), "links are not followed");
        assertTrue(ask(raceStore, schema + "ASK { GRAPH ?g { ?i schema:headline \"After the change\" } }"), "the changed file as read");
        assertFalse(ask(raceStore, schema + "ASK { GRAPH ?g { ?i schema:headline \"Before the change\" } }"), "the changed file as read");
        assertTrue(ask(raceStore, schema + "ASK { GRAPH ?g { ?i schema:headline \"" + GOOD_1 + "\" } }"), "the good file stays");
    }
}
