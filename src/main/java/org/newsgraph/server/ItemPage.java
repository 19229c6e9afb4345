package org.newsgraph.server;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsgraph.mapping.Vocab;

/**
 * An item's page, news first: headline, date, provider, topics, picture, description and web
 * addresses; then its related items in list order (the first {@value #RELATED_SHOWN}, the rest
 * folded); then where other files' related lists show it differently; all statements last, folded.
 */
final class ItemPage {

    static final int RELATED_SHOWN = 10;
    /** What a person calls the fields a snapshot can disagree on; others show as their property. */
    private static final java.util.Map<String, String> FIELD_NAMES = java.util.Map.of(
            Vocab.SCHEMA_HEADLINE.getURI(), "Headline", Vocab.SCHEMA_DESCRIPTION.getURI(), "Description",
            Vocab.SCHEMA_DATE_PUBLISHED.getURI(), "Date", Vocab.SCHEMA_URL.getURI(), "Web page",
            Vocab.SCHEMA_IMAGE.getURI(), "Picture", Vocab.SCHEMA_PUBLISHER.getURI(), "Provider",
            Vocab.SCHEMA_ABOUT.getURI(), "Topic");

    private final HtmlPage html;
    private final LinkRewriter links;

    ItemPage(HtmlPage html, LinkRewriter links) {
        this.html = html;
        this.links = links;
    }

    String render(ItemView item, NodeDescription d, String selfPath) {
        String title = item.headline() == null ? d.title() : item.headline();
        Document doc = HtmlPage.skeleton(title);
        Element body = doc.body();
        Element article = body.appendElement("article").addClass("item");
        article.appendElement("h1").text(title);
        Element byline = article.appendElement("p").addClass("byline");
        if (item.date() != null) {
            byline.appendElement("time").attr("datetime", item.date()).text(HtmlPage.readableDate(item.date()));
        }
        if (item.provider() != null) {
            byline.appendText(item.date() == null ? "" : " · ");
            link(byline.appendElement("span").addClass("provider"), item.provider());
        }
        if (item.type() != null) {
            byline.appendElement("span").addClass("muted").text(" · " + item.type());
        }
        if (!item.topics().isEmpty()) {
            Element tags = article.appendElement("p").addClass("tags").appendText("Topics: ");
            item.topics().forEach(t -> link(tags, t));
        }
        for (ItemView.Image image : item.images()) {
            Element figure = article.appendElement("figure");
            figure.appendElement("img").attr("src", image.url()).attr("alt", image.caption() == null ? "Picture: " + title : image.caption())
                    .attr("referrerpolicy", "no-referrer").attr("loading", "lazy");
            if (image.caption() != null) {
                figure.appendElement("figcaption").text(image.caption());
            }
        }
        if (item.description() != null) {
            article.appendElement("p").addClass("lead").text(item.description());
        }
        Element urls = article.appendElement("p").addClass("urls");
        for (ItemView.Link url : item.urls()) {
            String href = links.href(url.iri());
            if (href != null && !href.startsWith("/")) {
                urls.appendElement("a").attr("href", href).attr("rel", "noopener noreferrer").text(url.label());
                urls.appendText(" ");
            }
        }
        if (item.embedUrl() != null && links.href(item.embedUrl()) != null) {
            urls.appendElement("a").attr("href", links.href(item.embedUrl())).attr("rel", "noopener noreferrer").text("Video");
        }
        HtmlPage.formats(body, selfPath, item.item());

        related(body, item.related());
        disagreements(body, item);

        Element all = body.appendElement("details").attr("id", "statements");
        all.appendElement("summary").text("All statements (including internal fields)");
        html.statements(all, d, Set.of(Vocab.NG_SNAPSHOT_OF, Vocab.NG_RELATED));
        return doc.outerHtml();
    }

    private void related(Element body, List<ItemView.Related> related) {
        if (related.isEmpty()) {
            return;
        }
        Element section = body.appendElement("section").attr("id", "related");
        section.appendElement("h2").text("Related (" + related.size() + ")");
        relatedList(section, related.subList(0, Math.min(RELATED_SHOWN, related.size())));
        if (related.size() > RELATED_SHOWN) {
            Element more = section.appendElement("details").addClass("more-related");
            more.appendElement("summary").text((related.size() - RELATED_SHOWN) + " more related items");
            relatedList(more, related.subList(RELATED_SHOWN, related.size()));
        }
    }

    private void relatedList(Element into, List<ItemView.Related> entries) {
        Element ol = HtmlPage.itemList(into, entries.stream().map(ItemView.Related::item).toList(), links,
                entries.get(0).position(), false).addClass("related");
        for (int i = 0; i < entries.size(); i++) {
            ItemView.Related e = entries.get(i);
            if (e.listedHeadline() != null || e.listedDate() != null) {
                String as = e.listedHeadline() == null ? "" : " as “" + e.listedHeadline() + "”";
                String dated = e.listedDate() == null ? "" : " dated " + HtmlPage.day(e.listedDate());
                ol.child(i).appendElement("div").addClass("listed-as").text("This list gives it" + as + dated + ".");
            }
        }
    }

    private void disagreements(Element body, ItemView item) {
        if (item.disagreements().isEmpty()) {
            return;
        }
        Element section = body.appendElement("section").attr("id", "disagreeing-snapshots");
        section.appendElement("h2").text("How other files' related lists show this item differently");
        section.appendElement("p").addClass("muted").text("The item's own file is what this page shows;"
                + " these are the values related lists gave instead.");
        var prefixes = org.newsgraph.mapping.Vocab.prefixes();
        for (ItemView.Disagreement s : item.disagreements()) {
            Element table = section.appendElement("table").addClass("snapshot");
            Element head = table.appendElement("tr");
            HtmlPage.link(head.appendElement("th"), s.snapshot(), "Snapshot", links);
            head.appendElement("td").addClass("muted").text("in " + s.lists() + (s.lists() == 1 ? " list" : " lists"));
            s.values().forEach((p, v) -> {
                Element row = table.appendElement("tr");
                String name = FIELD_NAMES.get(p);
                row.appendElement("th").text(name == null ? prefixes.shortForm(p) : name);
                row.appendElement("td").text(p.equals(Vocab.SCHEMA_DATE_PUBLISHED.getURI()) ? HtmlPage.readableDate(v) : v);
            });
        }
    }

    private void link(Element into, ItemView.Link l) {
        HtmlPage.link(into, l.iri(), l.label(), links);
        into.appendText(" ");
    }
}
