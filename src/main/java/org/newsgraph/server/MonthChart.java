package org.newsgraph.server;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Items per month as a bar chart, drawn as inline SVG on the server (the pages run no script).
 * Months with no item are drawn empty so the time axis is even; a span of more than
 * {@value #MAX_BARS} months is drawn per year.
 */
final class MonthChart {

    static final int MAX_BARS = 120;
    private static final int WIDTH = 760;
    private static final int HEIGHT = 120;

    private MonthChart() {
    }

    /** One bar: its period ({@code 2024-05} or {@code 2024}) and count. */
    record Bar(String period, long items) {
    }

    /** The bars for {@code months}, gaps filled; months that are not {@code YYYY-MM} are left out. */
    static List<Bar> bars(List<NewsLists.Month> months) {
        Map<YearMonth, Long> counts = new LinkedHashMap<>();
        for (NewsLists.Month m : months) {
            try {
                counts.merge(YearMonth.parse(m.month()), m.items(), Long::sum);
            } catch (DateTimeParseException e) {
                // a date the chart cannot place (a year beyond 9999, say); the list still has it
            }
        }
        List<Bar> bars = new ArrayList<>();
        if (counts.isEmpty()) {
            return bars;
        }
        YearMonth first = counts.keySet().stream().min(YearMonth::compareTo).orElseThrow();
        YearMonth last = counts.keySet().stream().max(YearMonth::compareTo).orElseThrow();
        boolean yearly = first.until(last, java.time.temporal.ChronoUnit.MONTHS) >= MAX_BARS;
        if (yearly) {
            for (int y = first.getYear(); y <= last.getYear(); y++) {
                final int year = y;
                long n = counts.entrySet().stream().filter(e -> e.getKey().getYear() == year).mapToLong(Map.Entry::getValue).sum();
                bars.add(new Bar(Integer.toString(y), n));
            }
        } else {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                bars.add(new Bar(m.toString(), counts.getOrDefault(m, 0L)));
            }
        }
        return bars;
    }

    /** Appends the chart (an {@code svg} with one {@code rect} per bar, each titled "2024-05: 12 items"). */
    static void draw(Element into, List<NewsLists.Month> months) {
        List<Bar> bars = bars(months);
        if (bars.isEmpty()) {
            return;
        }
        long max = bars.stream().mapToLong(Bar::items).max().orElse(1);
        double w = (double) WIDTH / bars.size();
        Element svg = into.appendElement("svg").addClass("chart").attr("width", Integer.toString(WIDTH))
                .attr("height", Integer.toString(HEIGHT + 20)).attr("viewBox", "0 0 " + WIDTH + " " + (HEIGHT + 20))
                .attr("role", "img").attr("aria-label", "Items per " + (bars.get(0).period().length() == 4 ? "year" : "month"));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = max == 0 ? 0 : (double) HEIGHT * b.items() / max;
            Element rect = svg.appendElement("rect").attr("x", fmt(i * w)).attr("y", fmt(HEIGHT - h))
                    .attr("width", fmt(Math.max(1, w - 1))).attr("height", fmt(h)).attr("fill", "#4a78b5");
            rect.appendElement("title").text(b.period() + ": " + b.items() + (b.items() == 1 ? " item" : " items"));
        }
        svg.appendElement("text").attr("x", "0").attr("y", Integer.toString(HEIGHT + 15)).attr("font-size", "12")
                .text(bars.get(0).period());
        svg.appendElement("text").attr("x", Integer.toString(WIDTH)).attr("y", Integer.toString(HEIGHT + 15))
                .attr("font-size", "12").attr("text-anchor", "end").text(bars.get(bars.size() - 1).period());
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
