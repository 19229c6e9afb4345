package org.newsgraph.server;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newsgraph.mapping.IriMinter;
import org.newsgraph.mapping.Vocab;

/**
 * The lists the pages show: the items of a provider or topic newest first, a page at a time, and
 * their count per month; the newest items; the most used topics and providers. Only items count,
 * never the snapshots that also name a provider or topic, and each item once.
 *
 * <p>Read from the store's indexes (the union graph, distinct triples), not by SPARQL: with
 * 300,000 items a SPARQL {@code COUNT(DISTINCT)} of a topic's items ran past the 30 s timeout.
 * A provider's or topic's list, sorted, is kept until the store changes, so paging through it
 * reads 50 items, not the whole list again.
 */
final class NewsLists {

    /** A topic or provider with the number of items that name it. */
    record Count(String iri, String label, long items) {
    }

    /** A month ({@code 2024-05}) and the number of items published in it. */
    record Month(String month, long items) {
    }

    /** The first and last publication dates as written, null when no item has one. */
    record DateRange(String first, String last) {
    }

    /** One page of a longer list, and the length of the whole list. */
    record Page(List<ItemSummary> items, long total) {
    }

    /** An item and its publication date as written (null if none), with the instant it names for sorting. */
    record Dated(Node item, String date, long key) {
        /** The moment {@link #key} stands for; null for an item without a date that can be read. */
        java.time.Instant instant() {
            return key > Long.MIN_VALUE + 1 ? java.time.Instant.ofEpochSecond(key) : null;
        }

        static final Comparator<Dated> NEWEST_FIRST = Comparator.comparingLong(Dated::key).reversed()
                .thenComparing(d -> d.item().getURI());
    }

    /** Cached lists hold at most this many items in all (about 100 bytes each). */
    static final int CACHE_ITEMS = 1_000_000;

    private final IriMinter iris;
    /**
     * What was read for the store state {@link #cachedState}: sorted item lists by (link, node),
     * counts by (link, limit); least recently used first.
     */
    private final LinkedHashMap<List<Object>, List<?>> cache = new LinkedHashMap<>(16, 0.75f, true);
    private String cachedState;
    private long cachedItems;

    NewsLists(IriMinter iris) {
        this.iris = iris;
    }

    /** The items whose {@code link} (schema:about, schema:publisher) is {@code node}, newest first. */
    Page itemsOf(DatasetGraph dsg, Node link, Node node, int page, int size) {
        List<Dated> all = itemsNewestFirst(dsg, link, node);
        int from = (int) Math.min(all.size(), (long) (page - 1) * size);
        List<Dated> shown = all.subList(from, Math.min(all.size(), from + size));
        return Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getUnionGraph();
            return new Page(shown.stream().map(d -> ItemSummary.read(dsg, g, d.item())).toList(), all.size());
        });
    }

    /** The number of those items per month, by the month of their date as written; oldest first. */
    List<Month> monthsOf(DatasetGraph dsg, Node link, Node node) {
        TreeMap<String, Long> months = new TreeMap<>();
        for (Dated d : itemsNewestFirst(dsg, link, node)) {
            if (d.date() != null && d.date().length() >= 7) {
                months.merge(d.date().substring(0, 7), 1L, Long::sum);
            }
        }
        return months.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue())).toList();
    }

    /** The newest items, and the dates all items span. */
    record Newest(List<ItemSummary> items, DateRange range) {
    }

    /** The {@code limit} newest items and the dates all items span, in one pass over the dates. */
    Newest newest(DatasetGraph dsg, int limit) {
        return Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getUnionGraph();
            // Twice the number wanted: an item can have its date in two graphs (its file's and another).
            PriorityQueue<Dated> newest = new PriorityQueue<>(Dated.NEWEST_FIRST.reversed());
            Dated first = null;
            Dated last = null;
            // Quads, not the union graph: that one removes duplicates first, which took twice as long.
            for (var it = dsg.find(Node.ANY, Node.ANY, Vocab.SCHEMA_DATE_PUBLISHED, Node.ANY); it.hasNext(); ) {
                Quad q = it.next();
                if (!iris.isItem(q.getSubject()) || !q.getObject().isLiteral()) {
                    continue;
                }
                Dated d = dated(q.getSubject(), q.getObject().getLiteralLexicalForm());
                first = first == null || d.key() < first.key() ? d : first;
                last = last == null || d.key() > last.key() ? d : last;
                newest.add(d);
                if (newest.size() > 2 * limit) {
                    newest.poll();
                }
            }
            List<Dated> sorted = new ArrayList<>(newest);
            sorted.sort(Dated.NEWEST_FIRST);
            List<Node> items = sorted.stream().map(Dated::item).distinct().limit(limit).toList();
            return new Newest(items.stream().map(item -> ItemSummary.read(dsg, g, item)).toList(),
                    new DateRange(first == null ? null : first.date(), last == null ? null : last.date()));
        });
    }

    /** The nodes most items link to with {@code link}, most used first; kept until the store changes. */
    List<Count> mostUsed(DatasetGraph dsg, Node link, int limit) {
        return cached(dsg, List.of(link, limit), () -> count(dsg, link, limit));
    }

    private List<Count> count(DatasetGraph dsg, Node link, int limit) {
        return Txn.calculateRead(dsg, () -> {
            Map<Node, Long> counts = new HashMap<>();
            // TDB2 answers this from its POSG index: the same statement in several graphs comes in a row.
            Node[] previous = new Node[2];
            dsg.find(Node.ANY, Node.ANY, link, Node.ANY).forEachRemaining(q -> {
                boolean repeated = q.getSubject().equals(previous[0]) && q.getObject().equals(previous[1]);
                previous[0] = q.getSubject();
                previous[1] = q.getObject();
                if (!repeated && iris.isItem(q.getSubject())) {
                    counts.merge(q.getObject(), 1L, Long::sum);
                }
            });
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<Node, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().toString()))
                    .limit(limit).map(e -> new Count(e.getKey().isURI() ? e.getKey().getURI() : e.getKey().toString(),
                            NodeDescription.labelText(dsg, e.getKey(), null), e.getValue())).toList();
        });
    }

    /** The items of (link, node) newest first; kept until the store changes. */
    List<Dated> itemsNewestFirst(DatasetGraph dsg, Node link, Node node) {
        return cached(dsg, List.of(link, node), () -> Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getUnionGraph();
            List<Dated> list = new ArrayList<>();
            for (var it = g.find(Node.ANY, link, node); it.hasNext(); ) {
                Node item = it.next().getSubject();
                if (iris.isItem(item)) {
                    list.add(dated(item, NodeDescription.value(g, item, Vocab.SCHEMA_DATE_PUBLISHED)));
                }
            }
            list.sort(Dated.NEWEST_FIRST);
            return List.copyOf(list);
        }));
    }

    /**
     * What {@code read} gives, kept under {@code key} while the store is as it was, and while the
     * kept lists hold at most {@value #CACHE_ITEMS} entries in all (the least recently used go first).
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> cached(DatasetGraph dsg, List<Object> key, java.util.function.Supplier<List<T>> read) {
        String state = StoreState.of(dsg, iris);
        synchronized (cache) {
            if (state == null || !state.equals(cachedState)) {
                cache.clear();
                cachedItems = 0;
                cachedState = state;
            }
            List<?> kept = cache.get(key);
            if (kept != null) {
                return (List<T>) kept;
            }
        }
        List<T> value = read.get();
        synchronized (cache) {
            if (state != null && state.equals(cachedState) && cache.put(key, value) == null) {
                cachedItems += value.size();
                var eldest = cache.entrySet().iterator();
                while (cachedItems > CACHE_ITEMS && cache.size() > 1 && eldest.hasNext()) {
                    cachedItems -= eldest.next().getValue().size();
                    eldest.remove();
                }
            }
        }
        return value;
    }

    /** An item and its date, with the moment it stands for (null for none or a date that cannot be read). */
    static Dated dated(Node item, String date) {
        java.time.Instant at = instant(date);
        return new Dated(item, date, at == null ? (date == null ? Long.MIN_VALUE : Long.MIN_VALUE + 1) : at.getEpochSecond());
    }

    /** The moment a date stands for, to order by: a bare date or a time without offset is taken as UTC. */
    static java.time.Instant instant(String date) {
        if (date == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return java.time.LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a date-time
        }
        try {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
