package org.newsgraph.mapping;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.newsgraph.source.Extra;
import org.newsgraph.source.ImageRecord;
import org.newsgraph.source.ItemRecord;
import org.newsgraph.source.OrganizationRecord;
import org.newsgraph.source.ParsedFile;
import org.newsgraph.source.Problem;
import org.newsgraph.source.ProviderRecord;
import org.newsgraph.source.Scalar;
import org.newsgraph.source.SourceFile;
import org.newsgraph.source.TopicRecord;

/**
 * Maps one parsed source file onto the vocabulary, into the file's own named graph, together
 * with the graph's provenance. The output depends only on the file's content, its place under
 * its root, the base IRI and the load time: this is what makes incremental builds equal to full
 * ones.
 */
public final class FileMapper {

    /**
     * Changes whenever the same source would map to different triples: a store built by another
     * version is rebuilt in full rather than patched.
     */
    public static final String MAPPING_VERSION = "1";

    private final IriMinter iris;

    public FileMapper(IriMinter iris) {
        this.iris = iris;
    }

    public IriMinter iris() {
        return iris;
    }

    public MappedFile map(SourceFile file, String contentHash, Instant loadTime, ParsedFile parsed, StreamRDF out) {
        Node graph = iris.graph(file.root(), file.relativePath());
        FileContext cx = new FileContext(new Emitter(out, graph), new ArrayList<>(parsed.problems()));
        Node primary;
        if (parsed.record() instanceof ItemRecord item) {
            primary = cx.primaryItem(item);
        } else if (parsed.record() instanceof TopicRecord topic) {
            primary = cx.topicProfile(topic);
        } else {
            primary = cx.organizationProfile((OrganizationRecord) parsed.record());
        }
        provenance(cx.out, file, contentHash, loadTime, primary);
        return new MappedFile(graph, cx.out.count(), List.copyOf(cx.problems), List.copyOf(cx.extraKeys),
                Set.copyOf(cx.items));
    }

    private void provenance(Emitter out, SourceFile file, String contentHash, Instant loadTime, Node primary) {
        Node g = out.graph();
        Node source = iris.sourceFile(file.root(), file.relativePath());
        out.add(g, Vocab.TYPE, Vocab.NG_SOURCE_GRAPH);
        out.add(g, Vocab.PROV_WAS_DERIVED_FROM, source);
        out.add(g, Vocab.PROV_GENERATED_AT_TIME, NodeFactory.createLiteralDT(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(loadTime.atOffset(ZoneOffset.UTC)),
                XSDDatatype.XSDdateTime));
        out.add(g, Vocab.NG_DESCRIBES, primary);
        out.add(source, Vocab.TYPE, Vocab.NG_SOURCE_FILE);
        out.add(source, Vocab.TYPE, Vocab.PROV_ENTITY);
        out.add(source, Vocab.NG_SOURCE_ROOT, Literals.string(file.root()));
        out.add(source, Vocab.NG_PATH, Literals.string(file.relativePath()));
        out.add(source, Vocab.NG_CONTENT_HASH, Literals.string(contentHash));
    }

    /** The state of mapping one file. */
    private final class FileContext {
        final Emitter out;
        final List<Problem> problems;
        final Literals literals;
        final List<String> extraKeys = new ArrayList<>();
        final Set<Node> items = new LinkedHashSet<>();
        /** URLs parsed in this file: an item's URL is parsed for its identity and again as a value. */
        private final Map<String, Optional<WebUrl>> urls = new HashMap<>();

        FileContext(Emitter out, List<Problem> problems) {
            this.out = out;
            this.problems = problems;
            this.literals = new Literals(problems);
        }

        Node primaryItem(ItemRecord item) {
            Node node = iris.item(urlKey(item.identifyingUrl()));
            items.add(node);
            for (Node type : ItemTypes.classesFor(item.type() == null ? null : item.type().text())) {
                out.add(node, Vocab.TYPE, type);
            }
            out.add(node, Vocab.LABEL, Literals.string(item.title()));
            description(node, item);
            if (item.body() != null) {
                out.add(node, Vocab.SCHEMA_ARTICLE_BODY, Literals.string(item.body()));
            }
            int position = 0;
            for (ItemRecord related : item.related()) {
                position++;
                Node snapshot = IriMinter.local(out.graph(), "related-" + position);
                out.add(snapshot, Vocab.TYPE, Vocab.NG_RELATED_SNAPSHOT);
                out.add(snapshot, Vocab.NG_SNAPSHOT_IN, node);
                out.add(snapshot, Vocab.NG_LIST_POSITION,
                        NodeFactory.createLiteralDT(Integer.toString(position), XSDDatatype.XSDinteger));
                Scalar url = related.identifyingUrl();
                if (url == null || url.text().isBlank()) {
                    problems.add(new Problem("related-without-url", related.position(),
                            "related entry " + position + " has neither webUrl nor originalUrl; kept as a snapshot"
                                    + " of no item"));
                } else {
                    Node target = iris.item(urlKey(url));
                    items.add(target);
                    out.add(node, Vocab.NG_RELATED, target);
                    out.add(snapshot, Vocab.NG_SNAPSHOT_OF, target);
                }
                description(snapshot, related);
            }
            return node;
        }

        /** The fields an item and a snapshot of it share. */
        void description(Node node, ItemRecord item) {
            text(node, Vocab.SCHEMA_HEADLINE, item.title());
            text(node, Vocab.SCHEMA_DESCRIPTION, item.excerpt());
            if (item.publishedDateTime() != null) {
                out.add(node, Vocab.SCHEMA_DATE_PUBLISHED, literals.dateTime("publishedDateTime", item.publishedDateTime()));
            }
            url(node, Vocab.SCHEMA_URL, "webUrl", item.webUrl());
            url(node, Vocab.NG_ORIGINAL_URL, "originalUrl", item.originalUrl());
            url(node, Vocab.NG_AMP_URL, "ampWebUrl", item.ampWebUrl());
            url(node, Vocab.NG_CDN_AMP_URL, "cdnAmpWebUrl", item.cdnAmpWebUrl());
            text(node, Vocab.NG_ITEM_TYPE, item.type());
            text(node, Vocab.NG_CATEGORY, item.category());
            integer(node, Vocab.NG_QUALITY, "quality", item.quality());
            integer(node, Vocab.NG_HEAT, "heat", item.heat());
            bool(node, Vocab.NG_PUBLISHED, "published", item.published());
            bool(node, Vocab.NG_REMOVED, "removed", item.removed());
            text(node, Vocab.NG_SECURED, item.secured());
            if (item.featuredContent() != null) {
                String html = item.featuredContent().text();
                out.add(node, Vocab.NG_FEATURED_CONTENT, Literals.html(html));
                for (String src : embeddedSources(html)) {
                    url(node, Vocab.SCHEMA_EMBED_URL, "featuredContent", Scalar.string(src,
                            item.featuredContent().position()));
                }
            }
            if (item.provider() != null) {
                out.add(node, Vocab.SCHEMA_PUBLISHER, provider(item.provider()));
            }
            for (Scalar topic : item.topics()) {
                if (!topic.text().isBlank()) {
                    out.add(node, Vocab.SCHEMA_ABOUT, topicMention(topic.text()));
                }
            }
            for (ImageRecord image : item.images()) {
                out.add(node, Vocab.SCHEMA_IMAGE, image(image));
            }
            extras(node, item.extras());
        }

        Node provider(ProviderRecord p) {
            Node node;
            if (p.domain() != null && !p.domain().text().isBlank()) {
                node = iris.provider(p.domain().text());
                domain(node, p.domain());
            } else if (p.name() != null && !p.name().text().isBlank()) {
                node = iris.providerByName(p.name().text());
                problems.add(new Problem("provider-without-domain", p.position(),
                        "provider '" + Literals.abbreviate(p.name().text()) + "' has no domain; identified by name"));
            } else {
                node = NodeFactory.createBlankNode();
                problems.add(new Problem("provider-without-domain", p.position(), "provider has neither domain nor name"));
            }
            out.add(node, Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION);
            text(node, Vocab.SCHEMA_NAME, p.name());
            for (ImageRecord image : p.images()) {
                out.add(node, Vocab.SCHEMA_LOGO, image(image));
            }
            extras(node, p.extras());
            return node;
        }

        void domain(Node org, Scalar domain) {
            String d = domain.text().strip();
            out.add(org, Vocab.NG_DOMAIN, Literals.string(d));
            WebUrl home = d.matches("(?i)[a-z0-9\\p{L}]([a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?(\\.[a-z0-9\\p{L}]([a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?)*")
                    ? WebUrl.parse("https://" + d.toLowerCase(java.util.Locale.ROOT) + "/") : null;
            if (home != null) {
                out.add(org, Vocab.SCHEMA_URL, NodeFactory.createURI(home.iri()));
            } else {
                problems.add(new Problem("bad-domain", domain.position(),
                        "'domain' should be a host name, found '" + Literals.abbreviate(d) + "'; kept as text"));
            }
        }

        Node topicMention(String name) {
            Node node = iris.topic(name);
            out.add(node, Vocab.TYPE, Vocab.SKOS_CONCEPT);
            out.add(node, Vocab.SKOS_PREF_LABEL, Literals.string(name.strip()));
            out.add(node, Vocab.SKOS_IN_SCHEME, iris.topicScheme());
            return node;
        }

        Node image(ImageRecord image) {
            Node node = iris.image(urlKey(image.url()));
            out.add(node, Vocab.TYPE, Vocab.SCHEMA_IMAGE_OBJECT);
            url(node, Vocab.SCHEMA_CONTENT_URL, "url", image.url());
            integer(node, Vocab.SCHEMA_WIDTH, "width", image.width());
            integer(node, Vocab.SCHEMA_HEIGHT, "height", image.height());
            bool(node, Vocab.NG_IS_CACHED, "isCached", image.isCached());
            text(node, Vocab.SCHEMA_CAPTION, image.title());
            extras(node, image.extras());
            return node;
        }

        Node topicProfile(TopicRecord t) {
            Node node = topicMention(t.name().text());
            text(node, Vocab.SKOS_NOTATION, t.id());
            text(node, Vocab.NG_SHORT_NAME, t.shortname());
            text(node, Vocab.NG_TAXONOMY, t.taxonomy());
            for (Scalar keyword : t.keywords()) {
                text(node, Vocab.SKOS_ALT_LABEL, keyword);
            }
            for (Scalar hashtag : t.hashtags()) {
                text(node, Vocab.NG_HASHTAG, hashtag);
            }
            for (ImageRecord image : t.images()) {
                out.add(node, Vocab.SCHEMA_IMAGE, image(image));
            }
            Node scheme = iris.topicScheme();
            if (t.parent() != null && !t.parent().text().isBlank()) {
                Node parent = topicMention(t.parent().text());
                out.add(node, Vocab.SKOS_BROADER, parent);
                out.add(parent, Vocab.SKOS_NARROWER, node);
            } else {
                out.add(node, Vocab.SKOS_TOP_CONCEPT_OF, scheme);
                out.add(scheme, Vocab.SKOS_HAS_TOP_CONCEPT, node);
            }
            extras(node, t.extras());
            return node;
        }

        Node organizationProfile(OrganizationRecord o) {
            Node node = iris.provider(o.domain().text());
            out.add(node, Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION);
            domain(node, o.domain());
            text(node, Vocab.SCHEMA_NAME, o.name());
            text(node, Vocab.DCT_IDENTIFIER, o.id());
            text(node, Vocab.SCHEMA_DESCRIPTION, o.description());
            text(node, Vocab.NG_TAXONOMY, o.taxonomy());
            for (Scalar name : o.otherNames()) {
                text(node, Vocab.SCHEMA_ALTERNATE_NAME, name);
            }
            for (ImageRecord image : o.images()) {
                out.add(node, Vocab.SCHEMA_LOGO, image(image));
            }
            if (o.body() != null) {
                out.add(node, Vocab.SCHEMA_DESCRIPTION, Literals.string(o.body().strip()));
            }
            extras(node, o.extras());
            return node;
        }

        void text(Node s, Node p, Scalar value) {
            if (value != null) {
                out.add(s, p, Literals.string(value));
            }
        }

        void integer(Node s, Node p, String field, Scalar value) {
            if (value != null) {
                out.add(s, p, literals.integer(field, value));
            }
        }

        void bool(Node s, Node p, String field, Scalar value) {
            if (value != null) {
                out.add(s, p, literals.bool(field, value));
            }
        }

        /** A URL as an IRI, repaired if it must be; kept as text if it cannot be an IRI. */
        void url(Node s, Node p, String field, Scalar value) {
            if (value == null || value.text().isBlank()) {
                return;
            }
            WebUrl url = parse(value.text());
            if (url == null) {
                String text = value.text().strip();
                String why = WebUrl.isRelativeReference(text) ? "is a relative URL" : "is not a usable URL";
                problems.add(new Problem("unusable-url", value.position(),
                        "'" + field + "' " + why + " ('" + Literals.abbreviate(text) + "'); kept as text"));
                out.add(s, p, Literals.string(text));
                return;
            }
            if (url.repaired()) {
                problems.add(new Problem("repaired-url", value.position(),
                        "'" + field + "' has characters an IRI cannot hold; percent-encoded as " + url.iri()));
            }
            out.add(s, p, NodeFactory.createURI(url.iri()));
        }

        void extras(Node s, List<Extra> extras) {
            for (Extra extra : extras) {
                Node field = NodeFactory.createBlankNode();
                out.add(s, Vocab.NG_EXTRA, field);
                out.add(field, Vocab.TYPE, Vocab.NG_EXTRA_FIELD);
                out.add(field, Vocab.NG_KEY, Literals.string(extra.key()));
                out.add(field, Vocab.VALUE, Literals.string(extra.value()));
                extraKeys.add(extra.key());
            }
        }

        /** What identifies the thing at {@code url}: its normalised form, or its text if it is not a URL. */
        String urlKey(Scalar url) {
            WebUrl parsed = parse(url.text());
            return parsed == null ? url.text().strip() : parsed.key();
        }

        WebUrl parse(String text) {
            return urls.computeIfAbsent(text, t -> Optional.ofNullable(WebUrl.parse(t))).orElse(null);
        }
    }

    /** The {@code src} of the iframes (and embeds) in a featured-content HTML fragment. */
    static List<String> embeddedSources(String html) {
        List<String> sources = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(html).select("iframe[src], embed[src], video[src]")) {
            String src = e.attr("src").strip();
            if (!src.isEmpty()) {
                sources.add(src);
            }
        }
        return sources;
    }
}
