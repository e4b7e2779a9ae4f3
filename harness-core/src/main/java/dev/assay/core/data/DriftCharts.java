package dev.assay.core.data;

import dev.assay.core.internal.Fmt;
import java.util.List;

/**
 * Overlaid histograms of a reference and a current sample as a self-contained SVG document, for the report of
 * a drifted column. A pure function of its arguments: no I/O, no dependencies.
 */
public final class DriftCharts {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 50;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 70;

    private DriftCharts() {
    }

    /**
     * An SVG of two overlaid bar histograms (reference in blue, current in orange, both half transparent) over the
     * same bins.
     *
     * @param title the chart's title (the column and its statistics)
     * @param bins the bin labels, one per bar (already masked if they could be PII)
     * @param reference the reference's proportion in each bin
     * @param current the current sample's proportion in each bin
     * @throws IllegalArgumentException when the lengths differ or there are no bins
     */
    public static String histogramSvg(String title, List<String> bins, double[] reference, double[] current) {
        int k = bins.size();
        if (k == 0 || reference.length != k || current.length != k) {
            throw new IllegalArgumentException("histogramSvg needs as many proportions as bins: " + k + " bins, "
                    + reference.length + " reference and " + current.length + " current proportions");
        }
        double top = 0;
        for (int i = 0; i < k; i++) {
            top = Math.max(top, Math.max(reference[i], current[i]));
        }
        top = top <= 0 ? 1 : top;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / k;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"13\">").append(escape(title))
                .append("</text>\n");
        // axes and a few grid lines
        for (int g = 0; g <= 4; g++) {
            double y = TOP + plotH - plotH * g / 4;
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>\n");
            sb.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(fmt(top * g / 4)).append("</text>\n");
        }
        for (int i = 0; i < k; i++) {
            double x = LEFT + i * slot + slot * 0.1;
            double w = slot * 0.8;
            bar(sb, x, w, reference[i] / top * plotH, plotH, "#1f77b4", "reference", bins.get(i), reference[i]);
            bar(sb, x, w, current[i] / top * plotH, plotH, "#ff7f0e", "current", bins.get(i), current[i]);
            double lx = LEFT + i * slot + slot / 2;
            double ly = TOP + plotH + 12;
            sb.append("<text x=\"").append(fmt(lx)).append("\" y=\"").append(fmt(ly))
                    .append("\" text-anchor=\"end\" transform=\"rotate(-35 ").append(fmt(lx)).append(' ')
                    .append(fmt(ly)).append(")\">").append(escape(bins.get(i))).append("</text>\n");
        }
        sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(fmt(TOP + plotH)).append("\" stroke=\"black\"/>\n");
        sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y1=\"")
                .append(fmt(TOP + plotH)).append("\" y2=\"").append(fmt(TOP + plotH)).append("\" stroke=\"black\"/>\n");
        int lx = WIDTH - RIGHT - 170;
        // the legend below the title, so that a long title does not run into it
        sb.append("<rect x=\"").append(lx).append("\" y=\"22\" width=\"12\" height=\"12\" fill=\"#1f77b4\" "
                + "fill-opacity=\"0.5\"/><text x=\"").append(lx + 16).append("\" y=\"32\">reference</text>\n");
        sb.append("<rect x=\"").append(lx + 85).append("\" y=\"22\" width=\"12\" height=\"12\" fill=\"#ff7f0e\" "
                + "fill-opacity=\"0.5\"/><text x=\"").append(lx + 101).append("\" y=\"32\">current</text>\n");
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void bar(StringBuilder sb, double x, double w, double h, double plotH, String color,
                            String which, String bin, double p) {
        sb.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + plotH - h)).append("\" width=\"")
                .append(fmt(w)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(color)
                .append("\" fill-opacity=\"0.5\"><title>").append(which).append(' ').append(escape(bin)).append(": ")
                .append(fmt(p)).append("</title></rect>\n");
    }

    /**
     * Four significant digits without trailing zeros ({@code 107.1}, {@code 0.75}, {@code 570}), as the core's
     * messages write numbers; was {@code String.format("%.4g")} and two regular expressions per number, which in a
     * fresh JVM made a histogram cost more than every other chart of the run.
     */
    private static String fmt(double v) {
        return Fmt.number(v);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
