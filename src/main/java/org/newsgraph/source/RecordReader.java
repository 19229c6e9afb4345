package org.newsgraph.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a source file's text into its typed record. Structural faults (no identity, front matter
 * that is not a mapping, bad YAML) reject the file with a {@link SourceException}; faults in one
 * field are {@link Problem}s and the field is kept.
 */
public final class RecordReader {

    private RecordReader() {
    }

    /**
     * Reads {@code text} as a file of {@code kind}. Returns null for a Markdown file without front
     * matter: it is not a news item, and is ignored.
     */
    public static ParsedFile read(SourceKind kind, String text) throws SourceException {
        List<Problem> problems = new ArrayList<>();
        return switch (kind) {
            case TOPIC -> new ParsedFile(topic(mapping(SafeYamlReader.read(text, 1), "topic file"), problems), problems);
            case ORGANIZATION -> {
                FrontMatter fm = FrontMatterReader.read(text);
                YamlNode.Mapping map = mapping(SafeYamlReader.read(fm.yaml(), fm.firstLine()), "front matter");
                yield new ParsedFile(organization(map, body(fm), problems), problems);
            }
            case NEWS_ITEM -> {
                if (!FrontMatterReader.hasFrontMatter(text)) {
                    yield null;
                }
                FrontMatter fm = FrontMatterReader.read(text);
                YamlNode.Mapping map = mapping(SafeYamlReader.read(fm.yaml(), fm.firstLine()), "front matter");
                yield new ParsedFile(primaryItem(map, body(fm), problems), problems);
            }
        };
    }

    private static String body(FrontMatter fm) {
        return fm.body().isBlank() ? null : fm.body();
    }

    private static YamlNode.Mapping mapping(YamlNode node, String what) throws SourceException {
        if (node == null) {
            throw new SourceException(Position.START, what + " is empty");
        }
        if (node instanceof YamlNode.Mapping map) {
            return map;
        }
        throw new SourceException(node.position(), what + " must be a mapping of keys to values, found " + node.shape());
    }

    private static ItemRecord primaryItem(YamlNode.Mapping map, String body, List<Problem> problems)
            throws SourceException {
        ItemRecord item = item(map, body, true, problems);
        if (item.identifyingUrl() == null || item.identifyingUrl().text().isBlank()) {
            throw new SourceException(map.position(), "item has neither webUrl nor originalUrl");
        }
        if (item.title() == null || item.title().text().isBlank()) {
            throw new SourceException(map.position(), "item has no title");
        }
        return item;
    }

    private static ItemRecord item(YamlNode.Mapping map, String body, boolean primary, List<Problem> problems) {
        FieldReader f = new FieldReader(map, problems);
        List<ItemRecord> related = new ArrayList<>();
        if (primary) {
            for (YamlNode node : f.items("related")) {
                if (node instanceof YamlNode.Mapping entry) {
                    related.add(item(entry, null, false, problems));
                } else {
                    f.misplaced("related", node, "a mapping");
                }
            }
        }
        return new ItemRecord(map.position(),
                f.scalar("title"), f.scalar("excerpt"), f.scalar("publishedDateTime"),
                f.scalar("webUrl"), f.scalar("originalUrl"), f.scalar("ampWebUrl"), f.scalar("cdnAmpWebUrl"),
                f.scalar("type"), f.scalar("category"), f.scalar("quality"), f.scalar("heat"),
                f.scalar("published"), f.scalar("removed"), f.scalar("secured"), f.scalar("featuredContent"),
                provider(f, problems), f.scalars("topics"), images(f, "images", problems),
                List.copyOf(related), body, f.extras());
    }

    private static ProviderRecord provider(FieldReader parent, List<Problem> problems) {
        YamlNode.Mapping map = parent.mapping("provider");
        if (map == null) {
            return null;
        }
        FieldReader f = new FieldReader(map, problems);
        return new ProviderRecord(f.scalar("name"), f.scalar("domain"), images(f, "images", problems), f.extras(),
                map.position());
    }

    /** Images as mappings with a url, or as bare URLs (as topic files write them). */
    private static List<ImageRecord> images(FieldReader parent, String key, List<Problem> problems) {
        List<ImageRecord> images = new ArrayList<>();
        for (YamlNode node : parent.items(key)) {
            if (node instanceof YamlNode.Leaf leaf) {
                images.add(new ImageRecord(leaf.scalar(), null, null, null, null, List.of()));
            } else if (node instanceof YamlNode.Mapping map) {
                FieldReader f = new FieldReader(map, problems);
                Scalar url = f.scalar("url");
                ImageRecord image = new ImageRecord(url, f.scalar("width"), f.scalar("height"), f.scalar("isCached"),
                        f.scalar("title"), f.extras());
                if (url == null) {
                    // Without a URL there is no image to describe: keep what it says on the parent.
                    parent.misplaced(key, node, "an image with a url");
                } else {
                    images.add(image);
                }
            } else {
                parent.misplaced(key, node, "an image");
            }
        }
        return List.copyOf(images);
    }

    private static TopicRecord topic(YamlNode.Mapping map, List<Problem> problems) throws SourceException {
        FieldReader f = new FieldReader(map, problems);
        TopicRecord topic = new TopicRecord(f.scalar("_id"), f.scalar("name"), f.scalar("shortname"),
                f.scalar("parent"), f.scalar("taxonomy"), f.scalars("keywords"), f.scalars("hashtags"),
                images(f, "images", problems), f.extras());
        if (topic.name() == null || topic.name().text().isBlank()) {
            throw new SourceException(map.position(), "topic has no name");
        }
        return topic;
    }

    private static OrganizationRecord organization(YamlNode.Mapping map, String body, List<Problem> problems)
            throws SourceException {
        FieldReader f = new FieldReader(map, problems);
        OrganizationRecord org = new OrganizationRecord(f.scalar("_id"), f.scalar("name"), f.scalar("domain"),
                f.scalar("description"), f.scalar("taxonomy"), f.scalars("otherNames"),
                images(f, "images", problems), body, f.extras());
        if (org.domain() == null || org.domain().text().isBlank()) {
            throw new SourceException(map.position(), "organization profile has no domain");
        }
        return org;
    }
}
