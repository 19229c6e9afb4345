package org.newsgraph.source;

/**
 * One YAML scalar as written in the source: its text (after YAML unquoting), the typed value the
 * YAML 1.1 resolver gives it ({@link Long}, {@link java.math.BigInteger}, {@link Double},
 * {@link Boolean}, a {@link java.time.temporal.Temporal} for timestamps, else the text), and
 * where it stands, so that mapping can warn about a field with its exact position.
 */
public record Scalar(String text, Kind kind, Object value, Position position) {

    /** The YAML types the resolver recognises. */
    public enum Kind { STRING, INT, FLOAT, BOOL, TIMESTAMP }

    public static Scalar string(String text, Position position) {
        return new Scalar(text, Kind.STRING, text, position);
    }
}
