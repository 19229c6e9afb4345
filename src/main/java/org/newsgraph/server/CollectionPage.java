package org.newsgraph.server;

import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.core.DatasetGraph;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsgraph.mapping.Vocab;

/**
 * A provider's or topic's page: its name and what is known of it, for a topic the topic tree both
 * ways, its items per month, and its items newest first, {@value #PAGE} a page; all statements
 * last, folded.
 */
final class CollectionPage {

    static final int PAGE = 50;

    private final HtmlPage html;
    private final LinkRewriter links;
    private final NewsLists lists;

    CollectionPage(HtmlPage html, LinkRewriter links, NewsLists lists) {
        this.html = html;
        this.links = links;
        this.lists = lists;
    }

    /** Reads what the page shows; call inside a read transaction except for the lists, which take their own. */
    String render(DatasetGraph dsg, CollectionView view, NodeDescription d, String selfPath, int page) {
        Document doc = HtmlPage.skeleton(view.name());
        Element body = doc.body();
        body.appendElement("h1").text(view.name());
        body.appendElement("p").addClass("byline").text(view.topic() ? "Topic" : "Provider");
        for (String logo : view.logos()) {
            if (links.href(logo) != null && !links.href(logo).startsWith("/")) {
                body.appendElement("img").addClass("logo").attr("src", logo).attr("alt", "logo")
                        .attr("referrerpolicy", "no-referrer").attr("height", "48");
            }
        }
        if (!view.facts().isEmpty()) {
            Element table = body.appendElement("table").addClass("facts");
            view.facts().forEach((name, values) -> {
                Element row = table.appendElement("tr");
                row.appendElement("th").text(name);
                Element cell = row.appendElement("td");
                for (String v : values) {
                    Element div = cell.appendElement("div");
                    String href = v.startsWith("http") ? links.href(v) : null;
                    if (href != null) {
                        div.appendElement("a").attr("href", href).attr("rel", "noopener noreferrer").text(v);
                    } else {
                        div.text(v);
                    }
                }
            });
        }
        if (view.topic()) {
            tree(body, "Broader topic", "broader", view.broader());
            tree(body, "Narrower topics", "narrower", view.narrower());
        }
        HtmlPage.formats(body, selfPath, view.node());

        NewsLists.Page items = lists.itemsOf(dsg, view.itemLink(), view.node(), page, PAGE);
        Element section = body.appendElement("section").attr("id", "items");
        section.appendElement("h2").text(String.format("Items (%,d), newest first", items.total()));
        if (page == 1 && items.total() > 0) {
            MonthChart.draw(section, lists.monthsOf(dsg, view.itemLink(), view.node()));
        }
        int first = (page - 1) * PAGE + 1;
        if (items.items().isEmpty()) {
            section.appendElement("p").text(page == 1 ? "No item names it." : "No more items.");
        } else {
            section.appendElement("p").addClass("muted")
                    .text(String.format("Items %,d–%,d of %,d", first, first + items.items().size() - 1, items.total()));
            pages(section, selfPath, page, items.total());
            HtmlPage.itemList(section, items.items(), links, first, false);
        }
        pages(section, selfPath, page, items.total());

        Element all = body.appendElement("details").attr("id", "statements");
        all.appendElement("summary").text("All statements");
        html.statements(all, d, Set.of(Vocab.SCHEMA_ABOUT, Vocab.SCHEMA_PUBLISHER, Vocab.NG_SNAPSHOT_OF));
        return doc.outerHtml();
    }

    private void tree(Element body, String title, String cssClass, List<ItemView.Link> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Element p = body.appendElement("p").addClass("tags " + cssClass).appendText(title + ": ");
        for (ItemView.Link t : topics) {
            HtmlPage.link(p, t.iri(), t.label(), links);
        }
    }

    private static void pages(Element into, String selfPath, int page, long total) {
        long last = Math.max(1, (total + PAGE - 1) / PAGE);
        if (last == 1) {
            return;
        }
        Element nav = into.appendElement("p").addClass("pages");
        if (page > 1) {
            nav.appendElement("a").attr("href", selfPath + "?page=" + (page - 1)).attr("rel", "prev").text("← newer");
        }
        nav.appendElement("span").addClass("muted").text("page " + page + " of " + last + " ");
        if (page < last) {
            nav.appendElement("a").attr("href", selfPath + "?page=" + (page + 1)).attr("rel", "next").text("older →");
        }
    }
}
