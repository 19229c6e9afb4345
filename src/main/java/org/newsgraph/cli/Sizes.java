package org.newsgraph.cli;

import java.util.Locale;

/** Sizes for people. */
final class Sizes {

    private Sizes() {
    }

    /** A size in decimal units, to three significant figures: "812 kB", "46.7 MB", "2.31 GB". */
    static String format(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String n = u == 0 || v >= 99.95 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 9.995 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return n + " " + units[u];
    }
}
