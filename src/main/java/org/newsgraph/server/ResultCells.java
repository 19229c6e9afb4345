package org.newsgraph.server;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.jsoup.nodes.Element;

/**
 * The cells of a result table: a node IRI is a link to its page, shown by its label with the IRI
 * as the link's title; a date-time reads as date and minute; other values as their text. All
 * goes in through jsoup's {@code text()}, so nothing from the data is markup.
 */
final class ResultCells {

    /** A run of text a line cannot hold, such as a file path: it alone may break anywhere. */
    private static final Pattern LONG_WORD = Pattern.compile("\\S{40,}");

    private final DatasetGraph dsg;
    private final LinkRewriter links;
    /** Labels looked up once a page: the same provider or topic fills many rows. */
    private final Map<Node, String> labels = new HashMap<>();

    /** Cells of a table built inside a read transaction of {@code dsg}. */
    ResultCells(DatasetGraph dsg, LinkRewriter links) {
        this.dsg = dsg;
        this.links = links;
    }

    void fill(Element td, Node n) {
        if (n == null) {
            return;
        }
        if (n.isURI()) {
            String href = links.href(n.getURI());
            if (href == null) {
                td.appendElement("span").addClass("iri").text(n.getURI());
            } else {
                String label = label(n);
                Element a = td.appendElement("a").attr("href", href).attr("title", n.getURI()).text(label);
                if (label.equals(n.getURI())) {
                    a.addClass("iri");
                }
            }
        } else if (n.isLiteral()) {
            String lexical = n.getLiteralLexicalForm();
            String readable = XSDDatatype.XSDdateTime.getURI().equals(n.getLiteralDatatypeURI()) ? HtmlPage.dateTime(lexical) : null;
            if (readable == null) {
                td.text(lexical);
                if (LONG_WORD.matcher(lexical).find()) {
                    td.addClass("long");
                }
            } else {
                td.appendElement("time").attr("datetime", lexical).attr("title", lexical).text(readable);
            }
        } else {
            td.text(n.toString());
        }
    }

    private String label(Node n) {
        return labels.computeIfAbsent(n, k -> {
            Node label = NodeDescription.label(dsg, k);
            return label != null && label.isLiteral() && !label.getLiteralLexicalForm().isBlank()
                    ? label.getLiteralLexicalForm() : k.getURI();
        });
    }
}
