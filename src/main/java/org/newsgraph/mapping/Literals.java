package org.newsgraph.mapping;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.source.Problem;
import org.newsgraph.source.SafeYamlReader;
import org.newsgraph.source.Scalar;

/**
 * Turns source scalars into typed literals. A value that is not of the field's type is kept as a
 * plain literal of its source text, with a per-field warning: nothing is dropped.
 */
final class Literals {

    private final List<Problem> problems;

    Literals(List<Problem> problems) {
        this.problems = problems;
    }

    static Node string(Scalar s) {
        return NodeFactory.createLiteralString(s.text());
    }

    static Node string(String s) {
        return NodeFactory.createLiteralString(s);
    }

    Node integer(String field, Scalar s) {
        Object v = s.value();
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return NodeFactory.createLiteralDT(v.toString(), XSDDatatype.XSDinteger);
        }
        String text = s.text().strip();
        if (s.kind() == Scalar.Kind.STRING && text.matches("[-+]?[0-9]{1,40}")) {
            return NodeFactory.createLiteralDT(new BigInteger(text).toString(), XSDDatatype.XSDinteger);
        }
        return invalid("not-an-integer", field, s, "an integer");
    }

    Node bool(String field, Scalar s) {
        if (s.value() instanceof Boolean b) {
            return NodeFactory.createLiteralDT(b.toString(), XSDDatatype.XSDboolean);
        }
        String text = s.text().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return NodeFactory.createLiteralDT(text, XSDDatatype.XSDboolean);
        }
        return invalid("not-a-boolean", field, s, "true or false");
    }

    /** xsd:dateTime (with the offset as written), or xsd:date for a date without a time. */
    Node dateTime(String field, Scalar s) {
        Temporal t = s.value() instanceof Temporal v ? v : SafeYamlReader.timestamp(s.text());
        if (t instanceof OffsetDateTime odt) {
            return NodeFactory.createLiteralDT(odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    XSDDatatype.XSDdateTime);
        }
        if (t instanceof LocalDateTime ldt) {
            return NodeFactory.createLiteralDT(ldt.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                    XSDDatatype.XSDdateTime);
        }
        if (t instanceof LocalDate ld) {
            return NodeFactory.createLiteralDT(ld.toString(), XSDDatatype.XSDdate);
        }
        return invalid("not-a-date", field, s, "a date and time");
    }

    static Node html(String html) {
        return NodeFactory.createLiteralDT(html, org.apache.jena.datatypes.xsd.impl.RDFhtml.rdfHTML);
    }

    private Node invalid(String kind, String field, Scalar s, String expected) {
        problems.add(new Problem(kind, s.position(),
                "'" + field + "' should be " + expected + ", found '" + abbreviate(s.text()) + "'; kept as text"));
        return string(s);
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
