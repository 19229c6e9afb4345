package org.newsgraph.source;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with positions, as composed by {@link SafeYamlReader}: a scalar, a sequence or a
 * mapping with string keys. YAML nulls are absent values: they never appear in this tree.
 */
public sealed interface YamlNode {

    Position position();

    /** A short name of the node's shape for messages: "a text", "a list", "a mapping". */
    String shape();

    record Leaf(Scalar scalar) implements YamlNode {
        @Override
        public Position position() {
            return scalar.position();
        }

        @Override
        public String shape() {
            return "a single value";
        }
    }

    record Seq(List<YamlNode> items, Position position) implements YamlNode {
        @Override
        public String shape() {
            return "a list";
        }
    }

    /** A mapping; {@code entries} keep the source order. */
    record Mapping(Map<String, YamlNode> entries, Position position) implements YamlNode {
        @Override
        public String shape() {
            return "a mapping";
        }
    }
}
