package org.newsgraph.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping into a record. Every value is accounted for: a field in a
 * shape the format does not allow is reported and kept as an {@link Extra}, and
 * {@link #extras()} keeps every key no getter asked for.
 */
final class FieldReader {

    private final YamlNode.Mapping mapping;
    private final List<Problem> problems;
    private final Set<String> consumed = new LinkedHashSet<>();
    private final List<Extra> extras = new ArrayList<>();

    FieldReader(YamlNode.Mapping mapping, List<Problem> problems) {
        this.mapping = mapping;
        this.problems = problems;
    }

    Position position() {
        return mapping.position();
    }

    /** A single value, or null if absent. */
    Scalar scalar(String key) {
        YamlNode node = take(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Leaf leaf) {
            return leaf.scalar();
        }
        misplaced(key, node, "a single value");
        return null;
    }

    /** A list of values; a single value is read as a list of one. */
    List<Scalar> scalars(String key) {
        YamlNode node = take(key);
        List<Scalar> values = new ArrayList<>();
        if (node instanceof YamlNode.Leaf leaf) {
            values.add(leaf.scalar());
        } else if (node instanceof YamlNode.Seq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Leaf leaf) {
                    values.add(leaf.scalar());
                } else {
                    misplaced(key, item, "a single value");
                }
            }
        } else if (node != null) {
            misplaced(key, node, "a list of values");
        }
        return values;
    }

    /** A nested mapping, or null if absent or of another shape (which is reported and kept). */
    YamlNode.Mapping mapping(String key) {
        YamlNode node = take(key);
        if (node == null || node instanceof YamlNode.Mapping) {
            return (YamlNode.Mapping) node;
        }
        misplaced(key, node, "a mapping");
        return null;
    }

    /** The items of a list (a lone item is read as a list of one); null if absent. */
    List<YamlNode> items(String key) {
        YamlNode node = take(key);
        if (node == null) {
            return List.of();
        }
        return node instanceof YamlNode.Seq seq ? seq.items() : List.of(node);
    }

    /** Reports an item of a list that has the wrong shape, and keeps its values. */
    void misplaced(String key, YamlNode node, String expected) {
        problems.add(new Problem("wrong-shape", node.position(),
                "'" + key + "' should be " + expected + ", found " + node.shape() + "; kept as an extra field"));
        flatten(key, node, extras);
    }

    /** Every value under keys that no getter asked for, plus the misplaced ones. */
    List<Extra> extras() {
        List<Extra> all = new ArrayList<>(extras);
        for (Map.Entry<String, YamlNode> e : mapping.entries().entrySet()) {
            if (!consumed.contains(e.getKey())) {
                flatten(e.getKey(), e.getValue(), all);
            }
        }
        return List.copyOf(all);
    }

    private YamlNode take(String key) {
        consumed.add(key);
        return mapping.entries().get(key);
    }

    /** Flattens a value into extras: nested keys joined with '.', list items under the same key. */
    static void flatten(String key, YamlNode node, List<Extra> into) {
        if (node instanceof YamlNode.Leaf leaf) {
            into.add(new Extra(key, leaf.scalar()));
        } else if (node instanceof YamlNode.Seq seq) {
            for (YamlNode item : seq.items()) {
                flatten(key, item, into);
            }
        } else if (node instanceof YamlNode.Mapping map) {
            for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
                flatten(key + "." + e.getKey(), e.getValue(), into);
            }
        }
    }
}
