package org.newsgraph.mapping;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
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
 * Maps one parsed source file onto the vocabulary: what is the file's own (its item, profile,
 * related list, links and provenance) into the file's named graph; what other files say alike
 * (snapshots of related items, providers, topics and images, and their identities) as shared
 * descriptions, stored once. The output depends only on the file's content, its place under
 * its root, the base IRI and the load time: this is what makes incremental builds equal to full
 * ones.
 */
public final class FileMapper {

    /**
     * Changes whenever the same source would map to different triples: a store built by another
     * version is rebuilt in full rather than patched.
     */
    public static final String MAPPING_VERSION = "2";

    /** How many recent results each cache below keeps. */
    private static final int RECENT = 20_000;

    /**
     * Snapshots already named, by their statements. A related entry repeats in every list that
     * shows its item (about ten times over in real corpora), and naming one means formatting,
     * sorting and hashing its statements: the mapper's largest cost before this cache. (Caffeine's
     * frequency-based admission turned most of these away; recency is what they have.)
     */
    private final RecentResults<List<Triple>, SharedDescription> named;
    /** Parsed URLs: the same ones recur in the files of the same days, and parsing one is not cheap. */
    private final RecentResults<String, Optional<WebUrl>> parsedUrls = new RecentResults<>(RECENT,
            t -> Optional.ofNullable(WebUrl.parse(t)));
    private final IriMinter iris;

    public FileMapper(IriMinter iris) {
        this.iris = iris;
        this.named = new RecentResults<>(RECENT, statements -> SnapshotBuilder.build(statements, iris));
    }

    public IriMinter iris() {
        return iris;
    }

    public MappedFile map(SourceFile file, String contentHash, Instant loadTime, ParsedFile parsed) {
        Node graph = iris.graph(file.root(), file.relativePath());
        FileContext cx = new FileContext(new Emitter(graph), new ArrayList<>(parsed.problems()));
        Node primary;
        if (parsed.record() instanceof ItemRecord item) {
            primary = cx.primaryItem(item);
        } else if (parsed.record() instanceof TopicRecord topic) {
            primary = cx.topicProfile(topic);
        } else {
            primary = cx.organizationProfile((OrganizationRecord) parsed.record());
        }
        provenance(cx.out, file, contentHash, loadTime, primary);
        return new MappedFile(graph, List.copyOf(cx.out.quads()), List.copyOf(cx.shared.values()),
                List.copyOf(cx.problems), List.copyOf(cx.extraKeys), Set.copyOf(cx.resolvable));
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
        /** The items, providers and topics the file speaks of. */
        final Set<Node> resolvable = new LinkedHashSet<>();
        /** The shared descriptions the file refers to, by node. */
        final Map<Node, SharedDescription> shared = new LinkedHashMap<>();

        FileContext(Emitter out, List<Problem> problems) {
            this.out = out;
            this.problems = problems;
            this.literals = new Literals(problems);
        }

        Node primaryItem(ItemRecord item) {
            Node node = iris.item(urlKey(item.identifyingUrl()));
            resolvable.add(node);
            for (Node type : ItemTypes.classesFor(item.type() == null ? null : item.type().text())) {
                out.add(node, Vocab.TYPE, type);
            }
            out.add(node, Vocab.LABEL, Literals.string(item.title()));
            description(out, node, item);
            if (item.body() != null) {
                out.add(node, Vocab.SCHEMA_ARTICLE_BODY, Literals.string(item.body()));
            }
            if (!item.related().isEmpty()) {
                relatedList(node, item.related());
            }
            return node;
        }

        /**
         * The related list: an rdf:Seq of the snapshots it shows, in order, and a direct
         * ng:related link to each item. What an entry says is a snapshot, stored once however
         * many lists show it.
         */
        void relatedList(Node item, List<ItemRecord> related) {
            Node list = IriMinter.local(out.graph(), "related");
            out.add(item, Vocab.NG_RELATED_LIST, list);
            out.add(list, Vocab.TYPE, Vocab.RDF_SEQ);
            int position = 0;
            for (ItemRecord entry : related) {
                position++;
                Scalar url = entry.identifyingUrl();
                Node target = null;
                if (url == null || url.text().isBlank()) {
                    problems.add(new Problem("related-without-url", entry.position(),
                            "related entry " + position + " has neither webUrl nor originalUrl; kept as a snapshot"
                                    + " of no item"));
                } else {
                    target = iris.item(urlKey(url));
                    resolvable.add(target);
                    out.add(item, Vocab.NG_RELATED, target);
                }
                SnapshotBuilder snapshot = new SnapshotBuilder(Vocab.NG_RELATED_SNAPSHOT, target);
                description(snapshot, SnapshotBuilder.SELF, entry);
                out.add(list, RDF.li(position).asNode(), share(snapshot));
            }
        }

        /** The fields an item and a snapshot of it share. */
        void description(Statements to, Node node, ItemRecord item) {
            text(to, node, Vocab.SCHEMA_HEADLINE, item.title());
            text(to, node, Vocab.SCHEMA_DESCRIPTION, item.excerpt());
            if (item.publishedDateTime() != null) {
                to.add(node, Vocab.SCHEMA_DATE_PUBLISHED, literals.dateTime("publishedDateTime", item.publishedDateTime()));
            }
            url(to, node, Vocab.SCHEMA_URL, "webUrl", item.webUrl());
            url(to, node, Vocab.NG_ORIGINAL_URL, "originalUrl", item.originalUrl());
            url(to, node, Vocab.NG_AMP_URL, "ampWebUrl", item.ampWebUrl());
            url(to, node, Vocab.NG_CDN_AMP_URL, "cdnAmpWebUrl", item.cdnAmpWebUrl());
            text(to, node, Vocab.NG_ITEM_TYPE, item.type());
            text(to, node, Vocab.NG_CATEGORY, item.category());
            integer(to, node, Vocab.NG_QUALITY, "quality", item.quality());
            integer(to, node, Vocab.NG_HEAT, "heat", item.heat());
            bool(to, node, Vocab.NG_PUBLISHED, "published", item.published());
            bool(to, node, Vocab.NG_REMOVED, "removed", item.removed());
            text(to, node, Vocab.NG_SECURED, item.secured());
            if (item.featuredContent() != null) {
                String html = item.featuredContent().text();
                to.add(node, Vocab.NG_FEATURED_CONTENT, Literals.html(html));
                for (String src : embeddedSources(html)) {
                    url(to, node, Vocab.SCHEMA_EMBED_URL, "featuredContent", Scalar.string(src,
                            item.featuredContent().position()));
                }
            }
            if (item.provider() != null) {
                publisher(to, node, item.provider());
            }
            for (Scalar topic : item.topics()) {
                if (!topic.text().isBlank()) {
                    topic(to, node, Vocab.SCHEMA_ABOUT, Vocab.NG_TOPIC_AS_GIVEN, topic.text());
                }
            }
            for (ImageRecord image : item.images()) {
                image(to, node, Vocab.SCHEMA_IMAGE, Vocab.NG_IMAGE_AS_GIVEN, image);
            }
            extras(to, node, item.extras());
        }

        /**
         * A provider as an item names it: a link to the provider (known by its domain, else its
         * name) and to the snapshot of what the item said of it (name, logos, any other field).
         */
        void publisher(Statements to, Node subject, ProviderRecord p) {
            Node org = null;
            String givenDomain = null;
            if (p.domain() != null && !p.domain().text().isBlank()) {
                givenDomain = p.domain().text().strip();
                org = organization(p.domain());
            } else if (p.name() != null && !p.name().text().isBlank()) {
                org = iris.providerByName(p.name().text());
                identity(org, List.of(Triple.create(org, Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION)));
                problems.add(new Problem("provider-without-domain", p.position(),
                        "provider '" + Literals.abbreviate(p.name().text()) + "' has no domain; identified by name"));
            } else {
                problems.add(new Problem("provider-without-domain", p.position(), "provider has neither domain nor name"));
            }
            if (org != null) {
                resolvable.add(org);
                to.add(subject, Vocab.SCHEMA_PUBLISHER, org);
            }
            SnapshotBuilder snapshot = new SnapshotBuilder(Vocab.NG_PROVIDER_SNAPSHOT, org);
            Node self = SnapshotBuilder.SELF;
            text(snapshot, self, Vocab.SCHEMA_NAME, p.name());
            if (givenDomain != null && !givenDomain.equals(IriMinter.domain(givenDomain))) {
                snapshot.add(self, Vocab.NG_DOMAIN, Literals.string(givenDomain));
            }
            for (ImageRecord image : p.images()) {
                image(snapshot, self, Vocab.SCHEMA_LOGO, Vocab.NG_LOGO_AS_GIVEN, image);
            }
            extras(snapshot, self, p.extras());
            if (snapshot.saysMore()) {
                to.add(subject, Vocab.NG_PUBLISHER_AS_GIVEN, share(snapshot));
            }
        }

        /** The provider of a domain, with its identity: the domain in lower case and its home page. */
        Node organization(Scalar domain) {
            String d = IriMinter.domain(domain.text());
            Node org = iris.provider(d);
            List<Triple> identity = new ArrayList<>();
            identity.add(Triple.create(org, Vocab.TYPE, Vocab.SCHEMA_ORGANIZATION));
            identity.add(Triple.create(org, Vocab.NG_DOMAIN, Literals.string(d)));
            WebUrl home = d.matches("[a-z0-9\\p{L}]([a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?(\\.[a-z0-9\\p{L}]([a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?)*")
                    ? WebUrl.parse("https://" + d + "/") : null;
            if (home != null) {
                identity.add(Triple.create(org, Vocab.SCHEMA_URL, NodeFactory.createURI(home.iri())));
            } else {
                problems.add(new Problem("bad-domain", domain.position(),
                        "'domain' should be a host name, found '" + Literals.abbreviate(domain.text().strip())
                                + "'; kept as text"));
            }
            identity(org, identity);
            return org;
        }

        /**
         * A topic as a file names it: a link to the topic (known by its slugged name) and to the
         * snapshot of the name as written.
         */
        Node topic(Statements to, Node subject, Node link, Node asGiven, String name) {
            Node topic = topicIdentity(name);
            to.add(subject, link, topic);
            SnapshotBuilder snapshot = new SnapshotBuilder(Vocab.NG_TOPIC_SNAPSHOT, topic);
            snapshot.add(SnapshotBuilder.SELF, Vocab.SKOS_PREF_LABEL, Literals.string(name.strip()));
            to.add(subject, asGiven, share(snapshot));
            return topic;
        }

        Node topicIdentity(String name) {
            Node topic = iris.topic(name);
            resolvable.add(topic);
            identity(topic, List.of(Triple.create(topic, Vocab.TYPE, Vocab.SKOS_CONCEPT),
                    Triple.create(topic, Vocab.SKOS_IN_SCHEME, iris.topicScheme())));
            return topic;
        }

        /**
         * An image as a file gives it: a link to the image (known by its URL) and to the snapshot of
         * what the file says of it (size, caption, ...), which may differ from file to file.
         */
        void image(Statements to, Node subject, Node link, Node asGiven, ImageRecord image) {
            Node node = null;
            WebUrl parsed = null;
            if (image.url() != null && !image.url().text().isBlank()) {
                String key = urlKey(image.url());
                node = iris.image(key);
                parsed = parse(image.url().text());
                Node contentUrl = urlValue("url", image.url());
                // The identity holds the normalised URL; the form as written, if other, is the snapshot's.
                identity(node, List.of(Triple.create(node, Vocab.TYPE, Vocab.SCHEMA_IMAGE_OBJECT),
                        Triple.create(node, Vocab.SCHEMA_CONTENT_URL,
                                parsed == null ? contentUrl : NodeFactory.createURI(parsed.key()))));
                to.add(subject, link, node);
            }
            SnapshotBuilder snapshot = new SnapshotBuilder(Vocab.NG_IMAGE_SNAPSHOT, node);
            Node self = SnapshotBuilder.SELF;
            if (parsed != null && !parsed.iri().equals(parsed.key())) {
                snapshot.add(self, Vocab.SCHEMA_CONTENT_URL, NodeFactory.createURI(parsed.iri()));
            }
            integer(snapshot, self, Vocab.SCHEMA_WIDTH, "width", image.width());
            integer(snapshot, self, Vocab.SCHEMA_HEIGHT, "height", image.height());
            bool(snapshot, self, Vocab.NG_IS_CACHED, "isCached", image.isCached());
            text(snapshot, self, Vocab.SCHEMA_CAPTION, image.title());
            extras(snapshot, self, image.extras());
            if (snapshot.saysMore()) {
                to.add(subject, asGiven, share(snapshot));
            }
        }

        Node topicProfile(TopicRecord t) {
            Node node = topicIdentity(t.name().text());
            out.add(node, Vocab.SKOS_PREF_LABEL, Literals.string(t.name().text().strip()));
            text(out, node, Vocab.SKOS_NOTATION, t.id());
            text(out, node, Vocab.NG_SHORT_NAME, t.shortname());
            text(out, node, Vocab.NG_TAXONOMY, t.taxonomy());
            for (Scalar keyword : t.keywords()) {
                text(out, node, Vocab.SKOS_ALT_LABEL, keyword);
            }
            for (Scalar hashtag : t.hashtags()) {
                text(out, node, Vocab.NG_HASHTAG, hashtag);
            }
            for (ImageRecord image : t.images()) {
                image(out, node, Vocab.SCHEMA_IMAGE, Vocab.NG_IMAGE_AS_GIVEN, image);
            }
            Node scheme = iris.topicScheme();
            if (t.parent() != null && !t.parent().text().isBlank()) {
                Node parent = topic(out, node, Vocab.SKOS_BROADER, Vocab.NG_BROADER_AS_GIVEN, t.parent().text());
                out.add(parent, Vocab.SKOS_NARROWER, node);
            } else {
                out.add(node, Vocab.SKOS_TOP_CONCEPT_OF, scheme);
                out.add(scheme, Vocab.SKOS_HAS_TOP_CONCEPT, node);
            }
            extras(out, node, t.extras());
            return node;
        }

        Node organizationProfile(OrganizationRecord o) {
            Node node = organization(o.domain());
            resolvable.add(node);
            String given = o.domain().text().strip();
            if (!given.equals(IriMinter.domain(given))) {
                // The identity holds the domain in lower case; the form as written stays findable.
                extras(out, node, List.of(new Extra("domain", o.domain())));
            }
            text(out, node, Vocab.SCHEMA_NAME, o.name());
            text(out, node, Vocab.DCT_IDENTIFIER, o.id());
            text(out, node, Vocab.SCHEMA_DESCRIPTION, o.description());
            text(out, node, Vocab.NG_TAXONOMY, o.taxonomy());
            for (Scalar name : o.otherNames()) {
                text(out, node, Vocab.SCHEMA_ALTERNATE_NAME, name);
            }
            for (ImageRecord image : o.images()) {
                image(out, node, Vocab.SCHEMA_LOGO, Vocab.NG_LOGO_AS_GIVEN, image);
            }
            if (o.body() != null) {
                out.add(node, Vocab.SCHEMA_DESCRIPTION, Literals.string(o.body().strip()));
            }
            extras(out, node, o.extras());
            return node;
        }

        /** Names a finished snapshot from its content and keeps it with the file's shared descriptions. */
        Node share(SnapshotBuilder snapshot) {
            SharedDescription d = named.get(List.copyOf(snapshot.statements()));
            shared.putIfAbsent(d.node(), d);
            return d.node();
        }

        void identity(Node node, List<Triple> triples) {
            shared.putIfAbsent(node, new SharedDescription(node, List.copyOf(triples)));
        }

        void text(Statements to, Node s, Node p, Scalar value) {
            if (value != null) {
                to.add(s, p, Literals.string(value));
            }
        }

        void integer(Statements to, Node s, Node p, String field, Scalar value) {
            if (value != null) {
                to.add(s, p, literals.integer(field, value));
            }
        }

        void bool(Statements to, Node s, Node p, String field, Scalar value) {
            if (value != null) {
                to.add(s, p, literals.bool(field, value));
            }
        }

        /** A URL as an IRI, repaired if it must be; kept as text if it cannot be an IRI. */
        void url(Statements to, Node s, Node p, String field, Scalar value) {
            if (value != null && !value.text().isBlank()) {
                to.add(s, p, urlValue(field, value));
            }
        }

        Node urlValue(String field, Scalar value) {
            WebUrl url = parse(value.text());
            if (url == null) {
                String text = value.text().strip();
                String why = WebUrl.isRelativeReference(text) ? "is a relative URL" : "is not a usable URL";
                problems.add(new Problem("unusable-url", value.position(),
                        "'" + field + "' " + why + " ('" + Literals.abbreviate(text) + "'); kept as text"));
                return Literals.string(text);
            }
            if (url.repaired()) {
                problems.add(new Problem("repaired-url", value.position(),
                        "'" + field + "' has characters an IRI cannot hold; percent-encoded as " + url.iri()));
            }
            String scheme = url.iri().substring(0, url.iri().indexOf(':')).toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                // Valid as an IRI, so kept as one; the server never makes such a node a link.
                problems.add(new Problem("not-a-web-url", value.position(),
                        "'" + field + "' is not a web address (" + scheme + ":); kept as an IRI"));
            }
            return NodeFactory.createURI(url.iri());
        }

        void extras(Statements to, Node s, List<Extra> extras) {
            int n = 0;
            for (Extra extra : extras) {
                Node field = to.extraField(s, ++n);
                to.add(s, Vocab.NG_EXTRA, field);
                to.add(field, Vocab.TYPE, Vocab.NG_EXTRA_FIELD);
                to.add(field, Vocab.NG_KEY, Literals.string(extra.key()));
                to.add(field, Vocab.VALUE, Literals.string(extra.value()));
                extraKeys.add(extra.key());
            }
        }

        /** What identifies the thing at {@code url}: its normalised form, or its text if it is not a URL. */
        String urlKey(Scalar url) {
            WebUrl parsed = parse(url.text());
            return parsed == null ? url.text().strip() : parsed.key();
        }

        WebUrl parse(String text) {
            return parsedUrls.get(text).orElse(null);
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
