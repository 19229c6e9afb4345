package org.newsgraph.source;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads untrusted YAML into a {@link YamlNode} tree. The document is only composed, never
 * constructed into arbitrary Java types; aliases, nesting, size and the expanded tree are bounded;
 * duplicate keys are errors. Positions are reported in file terms (the caller says on which line
 * of the file the YAML text starts).
 */
public final class SafeYamlReader {

    public static final int MAX_ALIASES = 50;
    public static final int MAX_DEPTH = 40;
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    /** Bound on the tree after alias expansion, against "billion laughs" documents. */
    public static final int MAX_NODES = 200_000;
    /**
     * Bound on one line. SnakeYAML copies what it has read of a token each time it reads another
     * 1,024 characters, so a token (or a comment) of n characters costs n²/1,024: a 5 MB word took
     * 25 s. A line of 1 Mi characters costs about half a second; real news files stay under 1,000.
     */
    public static final int MAX_LINE = 1024 * 1024;

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9})\\d*)?"
                    + "(?:[ \\t]*(Z|[-+]\\d{1,2}(?::?\\d{2})?))?)?");

    private final int firstLine;
    private final ValueConstructor constructor;
    private int nodes;
    /** The collections being converted, outermost first: an alias to one of them is a cycle. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private SafeYamlReader(int firstLine) {
        this.firstLine = firstLine;
        this.constructor = new ValueConstructor(options());
    }

    /**
     * Composes {@code text}, which starts on line {@code firstLine} of its file. Returns null for an
     * empty document.
     */
    public static YamlNode read(String text, int firstLine) throws SourceException {
        return new SafeYamlReader(firstLine).compose(text);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(true);
        return options;
    }

    private YamlNode compose(String text) throws SourceException {
        checkLineLengths(text);
        LoaderOptions options = options();
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new SourceException(position(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()),
                    "YAML syntax error: " + describe(e));
        } catch (ReaderException e) {
            Position at = SourceText.positionOf(text, Math.min(e.getPosition(), text.length()));
            throw new SourceException(new Position(at.line() + firstLine - 1, at.column()),
                    String.format("YAML error: special character U+%04X is not allowed", e.getCodePoint()));
        } catch (YAMLException e) {
            throw new SourceException(new Position(firstLine, 1), "YAML error: " + firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new SourceException(new Position(firstLine, 1), "YAML nesting is too deep");
        }
        return root == null ? null : convert(root);
    }

    private void checkLineLengths(String text) throws SourceException {
        int line = 0;
        for (int start = 0; start <= text.length(); line++) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end - start > MAX_LINE) {
                throw new SourceException(new Position(line + firstLine, MAX_LINE + 1),
                        "line is longer than " + MAX_LINE + " characters (" + (end - start) + ")");
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        String text = problem != null ? problem : context;
        if (problem != null && context != null) {
            text = context + ": " + problem;
        }
        return firstLine(text == null ? e.getClass().getSimpleName() : text);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable document";
        }
        String line = s.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    private Position position(Mark mark) {
        return mark == null ? new Position(firstLine, 1)
                : new Position(mark.getLine() + firstLine, mark.getColumn() + 1);
    }

    /** Converts a composed node; returns null for a YAML null. */
    private YamlNode convert(Node node) throws SourceException {
        if (++nodes > MAX_NODES) {
            throw new SourceException(position(node.getStartMark()),
                    "YAML document expands to more than " + MAX_NODES + " values (alias bomb?)");
        }
        Position pos = position(node.getStartMark());
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, pos);
        }
        if (!open.add(node)) {
            // Composing allows "&a [*a]"; converting it would recurse until the stack overflows.
            throw new SourceException(pos, "an alias refers to a value that contains it (a recursive structure)");
        }
        try {
            return node instanceof SequenceNode seq ? sequence(seq, pos) : mapping((MappingNode) node, pos);
        } finally {
            open.remove(node);
        }
    }

    private YamlNode sequence(SequenceNode seq, Position pos) throws SourceException {
        List<YamlNode> items = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) {
            YamlNode value = convert(item);
            if (value != null) {
                items.add(value);
            }
        }
        return new YamlNode.Seq(Collections.unmodifiableList(items), pos);
    }

    private YamlNode mapping(MappingNode map, Position pos) throws SourceException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar) || keyScalar.getTag().equals(Tag.NULL)) {
                throw new SourceException(position(keyNode.getStartMark()), "a mapping key must be a plain value");
            }
            String key = keyScalar.getValue();
            if (entries.containsKey(key)) {
                throw new SourceException(position(keyNode.getStartMark()), "duplicate key '" + key + "'");
            }
            entries.put(key, convert(tuple.getValueNode()));
        }
        entries.values().removeIf(v -> v == null);
        return new YamlNode.Mapping(Collections.unmodifiableMap(entries), pos);
    }

    private YamlNode scalar(ScalarNode node, Position pos) {
        Tag tag = node.getTag();
        String text = node.getValue();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        try {
            if (tag.equals(Tag.INT)) {
                return leaf(text, Scalar.Kind.INT, constructor.value(node), pos);
            }
            if (tag.equals(Tag.FLOAT)) {
                return leaf(text, Scalar.Kind.FLOAT, constructor.value(node), pos);
            }
            if (tag.equals(Tag.BOOL)) {
                return leaf(text, Scalar.Kind.BOOL, constructor.value(node), pos);
            }
            if (tag.equals(Tag.TIMESTAMP)) {
                Temporal time = timestamp(text);
                if (time != null) {
                    return leaf(text, Scalar.Kind.TIMESTAMP, time, pos);
                }
            }
        } catch (RuntimeException e) {
            // A value the resolver matched but cannot convert (e.g. an out-of-range number):
            // it stays text, and mapping warns about the field.
        }
        // Strings, and anything with a tag we do not construct (!!binary, custom tags), stay text.
        return leaf(text, Scalar.Kind.STRING, text, pos);
    }

    private static YamlNode leaf(String text, Scalar.Kind kind, Object value, Position pos) {
        return new YamlNode.Leaf(new Scalar(text, kind, value, pos));
    }

    /** Parses a YAML timestamp, keeping the offset as written; null if it is not one. */
    public static Temporal timestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date;
            }
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos);
            String zone = m.group(8);
            if (zone == null) {
                return local;
            }
            return OffsetDateTime.of(local, zone.equals("Z") ? ZoneOffset.UTC : offset(zone));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** Exposes SnakeYAML's own construction of core scalar types (int forms, floats, booleans). */
    private static final class ValueConstructor extends SafeConstructor {
        ValueConstructor(LoaderOptions options) {
            super(options);
        }

        Object value(ScalarNode node) {
            return constructObject(node);
        }
    }
}
