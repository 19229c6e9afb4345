import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic news corpus in the real format, with the shape measured from
 * ../shared/corpus (azure-sample and powerapps): related lists of about 32 entries on average and
 * up to about 180, one snapshot per target with a little drift, items known only from related
 * lists (about two per item with a file), lists that name stories of about the same time (in
 * azure-sample an entry's previous appearance is a median of 3 files back, 88 % within 50 files,
 * with files in path order, which is date order), providers with a few profile files, a topic tree,
 * images, video items, removed items, URLs with spaces, and a few broken files. The same seed
 * always gives the same corpus. A benchmark tool, not a newsgraph command:
 *
 * <pre>
 * java bench/CorpusGenerator.java --items N --out DIR [--seed S] [--extra M --extra-out DIR2]
 * </pre>
 *
 * writes DIR/_news/*.md (N files, of which about 1 in 1,000 is broken, at least one), DIR/_data/topics
 * and DIR/_data/organizations; with --extra, M more items of the same corpus into DIR2/_news (to be
 * added later, for incremental benchmarks). Prints one line: the files written and how many are
 * broken on purpose.
 */
public final class CorpusGenerator {

    private static final String[] WORDS = ("cloud azure data platform service preview general availability security "
            + "network storage analytics model ai machine learning container kubernetes serverless function database "
            + "sql cosmos identity devops pipeline monitor cost region edge iot device twin quantum hybrid arc policy "
            + "backup recovery migration compliance partner customer enterprise developer tool runtime api gateway "
            + "event stream queue cache search cognitive vision speech language openai copilot teams power apps")
            .split(" ");
    private static final String[][] TOPICS = {
        {"Azure", ""}, {"Compute", "Azure"}, {"Serverless", "Azure"}, {"AI", "Azure"}, {"Databases", "Azure"},
        {"Networking", "Azure"}, {"Analytics", "Azure"}, {"Storage", "Azure"}, {"IoT", "Azure"},
        {"Containers", "Azure"}, {"Security", "Azure"}, {"DevOps", "Azure"}, {"Identity", "Azure"},
        {"Integration", "Azure"}, {"Management tools", "Azure"}, {"Migration", "Azure"}, {"Mobile", "Azure"},
        {"Web", "Azure"}, {"Developer tools", "Azure"}, {"Blockchain", "Azure"}, {"Machine learning", "AI"},
        {"Cognitive services", "AI"}};

    private final SplittableRandom random;
    private final int items;
    private final List<Provider> providers = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    record Provider(String name, String domain, boolean logo, boolean profile) {
    }

    /** An item any related list may name: one with a file, or one known only from related lists. */
    record Target(String url, String title, String excerpt, LocalDateTime date, Provider provider, int quality,
            boolean video, String image, int width, int height) {
    }

    CorpusGenerator(int items, long seed) {
        this.items = items;
        this.random = new SplittableRandom(seed);
        int providerCount = Math.max(20, items / 12);
        for (int i = 0; i < providerCount; i++) {
            String domain = i == 0 ? "microsoft.com" : words(1, 2).replace(' ', '-') + i + (i % 7 == 0 ? ".org" : ".com");
            String name = i == 0 ? "Microsoft" : capitalise(words(1, 3)) + (i % 11 == 0 ? ", Inc." : "");
            providers.add(new Provider(name, domain, i % 5 == 0, i < 40 && i % 3 == 0));
        }
        // Items with a file come first in the target list; related-only ones after them.
        int total = items * 3;
        LocalDateTime start = LocalDateTime.of(2019, 1, 1, 0, 0);
        for (int i = 0; i < total; i++) {
            String title = capitalise(words(5, 12));
            String host = i % 200 == 17 ? "https://apnews.com/PR Newswire/" : "https://news" + (i % 97) + ".example.com/";
            String url = host + HexFormat.of().formatHex(longBytes(random.nextLong())).substring(0, 12) + "/"
                    + slug(title);
            boolean hasImage = random.nextInt(10) < 7;
            targets.add(new Target(url, title, capitalise(words(20, 45)) + ".",
                    start.plusMinutes(random.nextInt(60 * 24 * 365 * 4)), provider(), random.nextInt(200),
                    random.nextInt(20) == 0, hasImage ? "https://img" + (i % 50) + ".example.net/" + i + ".jpg" : null,
                    hasImage ? 400 + 100 * random.nextInt(12) : 0, hasImage ? 300 + 75 * random.nextInt(10) : 0));
        }        // Date order within each part, as file names are: related lists name stories of their time.
        targets.subList(0, items).sort(Comparator.comparing(Target::date));
        targets.subList(items, total).sort(Comparator.comparing(Target::date));

    }

    public static void main(String[] args) {
        int items = -1;
        int extra = 0;
        long seed = 42;
        Path out = null;
        Path extraOut = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--items" -> { items = Integer.parseInt(v); i++; }
                case "--extra" -> { extra = Integer.parseInt(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--out" -> { out = Path.of(v); i++; }
                case "--extra-out" -> { extraOut = Path.of(v); i++; }
                default -> usage("unknown option " + a);
            }
        }
        if (items < 1 || out == null || (extra > 0 && extraOut == null)) {
            usage("--items N (N >= 1) and --out DIR are required; --extra needs --extra-out");
        }
        CorpusGenerator g = new CorpusGenerator(items + extra, seed);
        int broken = g.write(out, 0, items, true);
        if (extra > 0) {
            g.write(extraOut, items, items + extra, false);
        }
        System.out.println("wrote " + items + " news files (" + broken + " broken on purpose), "
                + g.providers.stream().filter(Provider::profile).count() + " provider profiles, " + TOPICS.length
                + " topics" + (extra > 0 ? "; " + extra + " more news files in " + extraOut : ""));
    }

    private static void usage(String why) {
        System.err.println("CorpusGenerator: " + why);
        System.err.println("usage: java bench/CorpusGenerator.java --items N --out DIR [--seed S] [--extra M --extra-out DIR2]");
        System.exit(2);
    }

    /** Writes news items [from, to) and, with {@code taxonomy}, the topic and profile files. Returns the broken count. */
    int write(Path dir, int from, int to, boolean taxonomy) {
        int broken = 0;
        try {
            Files.createDirectories(dir.resolve("_news"));
            for (int i = from; i < to; i++) {
                Target t = targets.get(i);
                String name = t.date().toLocalDate() + "-" + slug(t.title()) + "-" + i + ".md";
                boolean breakIt = taxonomy && (i % 1000 == 500 || (i == to - 1 && broken == 0 && to - from >= 50));
                String text = item(i, t);
                if (breakIt) {
                    text = breakFile(text, broken);
                    broken++;
                }
                Files.writeString(dir.resolve("_news").resolve(name), text, StandardCharsets.UTF_8);
            }
            if (taxonomy) {
                writeTaxonomy(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broken;
    }

    private String breakFile(String text, int n) {
        return switch (n % 3) {
            case 0 -> text.substring(0, text.lastIndexOf("---"));          // front matter never closed
            case 1 -> text.replaceFirst("\ncategory: news\n", "\ncategory: news\ncategory: blog\n"); // duplicate key
            default -> text.replaceAll("\n(webUrl|originalUrl): [^\n]*", "");  // no URL
        };
    }

    private String item(int i, Target t) {
        StringBuilder y = new StringBuilder("---\n");
        y.append("category: news\n");
        y.append("title: ").append(quote(t.title())).append('\n');
        y.append("excerpt: ").append(quote(t.excerpt())).append('\n');
        y.append("publishedDateTime: ").append(date(t.date())).append('\n');
        y.append("originalUrl: ").append(quote(t.url())).append('\n');
        if (!t.video()) {
            y.append("webUrl: ").append(quote(t.url())).append('\n');
        }
        y.append("type: ").append(t.video() ? "video" : "article").append('\n');
        y.append("quality: ").append(t.quality()).append('\n');
        y.append("heat: ").append(random.nextInt(4) == 0 ? random.nextInt(300) : -1).append('\n');
        y.append("published: ").append(random.nextBoolean()).append('\n');
        if (i % 97 == 3) {
            y.append("removed: true\n");
        }
        if (t.video()) {
            y.append("\nfeaturedContent: ").append(quote("<iframe width=\"800\" height=\"500\" frameborder=\"0\" src=\""
                    + "https://www.youtube.com/embed/" + Integer.toHexString(i) + "\" allowfullscreen></iframe>")).append('\n');
        }
        y.append('\n');
        provider(y, "", t.provider(), true);
        y.append("\ntopics:\n  - Azure\n");
        if (random.nextInt(10) < 4) {
            y.append("  - ").append(TOPICS[1 + random.nextInt(TOPICS.length - 1)][0]).append('\n');
        }
        if (t.image() != null) {
            y.append("\nimages:\n");
            image(y, "  ", t, true);
        }
        int related = relatedCount();
        if (related > 0) {
            y.append("\nrelated:\n");
            for (int r = 0; r < related; r++) {
                snapshot(y, targets.get(relatedTarget(i)));
            }
        }
        y.append("\nsecured: ").append(quote(Base64.getEncoder().encodeToString(bytes(96)) + ";"
                + Base64.getEncoder().encodeToString(bytes(16)))).append('\n');
        y.append("---\n");
        return y.toString();
    }

    /** What a related list says of an item: its canonical snapshot, rarely with a drifted title or quality. */
    private void snapshot(StringBuilder y, Target t) {
        String title = t.title();
        int quality = t.quality();
        int drift = random.nextInt(1000);
        if (drift < 3) {
            title = title + " (updated)";
        } else if (drift < 6) {
            quality = quality + 1;
        }
        y.append("  - title: ").append(quote(title)).append('\n');
        y.append("    excerpt: ").append(quote(t.excerpt())).append('\n');
        y.append("    publishedDateTime: ").append(date(t.date())).append('\n');
        y.append(t.video() ? "    originalUrl: " : "    webUrl: ").append(quote(t.url())).append('\n');
        y.append("    type: ").append(t.video() ? "video" : "article").append('\n');
        provider(y, "    ", t.provider(), false);
        y.append("    quality: ").append(quality).append('\n');
        if (t.image() != null) {
            y.append("    images:\n");
            image(y, "      ", t, false);
        }
    }

    private void provider(StringBuilder y, String indent, Provider p, boolean withLogo) {
        y.append(indent).append("provider:\n");
        y.append(indent).append("  name: ").append(p.name().contains(",") ? quote(p.name()) : p.name()).append('\n');
        y.append(indent).append("  domain: ").append(p.domain()).append('\n');
        if (withLogo && p.logo()) {
            y.append(indent).append("  images:\n");
            y.append(indent).append("    - url: ").append(quote("https://assets.example.org/organizations/" + p.domain()
                    + "-50x50.jpg")).append('\n');
            y.append(indent).append("      width: 50\n").append(indent).append("      height: 50\n");
        }
    }

    private void image(StringBuilder y, String indent, Target t, boolean cachedFlag) {
        y.append(indent).append("- url: ").append(quote(t.image())).append('\n');
        y.append(indent).append("  width: ").append(t.width()).append('\n');
        y.append(indent).append("  height: ").append(t.height()).append('\n');
        if (cachedFlag) {
            y.append(indent).append("  isCached: true\n");
        }
    }

    private void writeTaxonomy(Path dir) throws IOException {
        Path topics = dir.resolve("_data/topics");
        Files.createDirectories(topics);
        for (int i = 0; i < TOPICS.length; i++) {
            String[] t = TOPICS[i];
            StringBuilder y = new StringBuilder("taxonomy: topic\n_id: ").append(slug(t[0])).append('\n');
            y.append("name: ").append(t[0]).append('\n');
            if (!t[1].isEmpty()) {
                y.append("parent: ").append(t[1]).append('\n');
            }
            y.append("keywords:\n  - ").append(t[0].toLowerCase(Locale.ROOT)).append('\n');
            y.append("hashtags:\n  - \"#").append(t[0].replace(" ", "")).append("\"\n");
            y.append("images:\n  - https://assets.example.org/topics/").append(slug(t[0])).append(".jpg\n");
            y.append("services:\n  news: https://assets.example.org/api/news/").append(slug(t[0])).append("/\n");
            Files.writeString(topics.resolve(String.format("%02d-%s.yaml", i, slug(t[0]))), y.toString());
        }
        Path orgs = dir.resolve("_data/organizations");
        Files.createDirectories(orgs);
        for (Provider p : providers) {
            if (p.profile()) {
                String y = "---\ntaxonomy: organization\n_id: " + p.domain() + "\nname: " + quote(p.name()) + "\ndomain: "
                        + p.domain() + "\nimages:\n  - url: /assets/images/organizations/" + p.domain()
                        + "-50x50.jpg\n    width: 50\n    height: 50\n---\n" + capitalise(words(10, 30)) + ".\n";
                Files.writeString(orgs.resolve(p.domain() + ".md"), y);
            }
        }
    }

    /** Mostly about 32 entries, sometimes none, a long tail to 180. */
    private int relatedCount() {
        int r = random.nextInt(100);
        if (r < 15) {
            return 0;
        }
        int n = (int) Math.round(Math.exp(3.4 + 0.5 * random.nextGaussian()));
        return Math.min(180, Math.max(1, n));
    }

    /**
     * A related target of item {@code i}: a third of them items with a file; nineteen in twenty from
     * about the same time as item {@code i}, the rest from any time.
     */
    private int relatedTarget(int i) {
        boolean withFile = random.nextInt(3) == 0;
        int from = withFile ? 0 : items;
        int size = withFile ? items : targets.size() - items;
        int k;
        if (random.nextInt(20) == 0) {
            k = random.nextInt(size);
        } else {
            long centre = (long) i * size / items;
            k = (int) Math.min(size - 1, Math.max(0, centre + Math.round(random.nextGaussian() * 40)));
        }
        if (withFile && k == i) {
            k = i == 0 ? 1 : i - 1;
        }
        return from + k;
    }

    /** A provider, skewed like the real ones: one very frequent, a long tail. */
    private Provider provider() {
        double u = random.nextDouble();
        int i = u < 0.35 ? 0 : (int) Math.floor(Math.pow(random.nextDouble(), 2) * providers.size());
        return providers.get(i);
    }

    private String words(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String date(LocalDateTime t) {
        return t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
