package io.shortener.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** The end of a run: a summary line, report.json, and report.html with the latency distribution plotted. */
record Report(String name, String scenario, String mode, String target, int connections, double offeredRate,
              double durationSeconds, long completed, double achievedRate, long errors, Map<Integer, Long> errorStatuses,
              long transportErrors, long unsent, long hostStealMs, Map<String, Double> latencyMs, List<double[]> percentiles) {

    static Report of(String name, String scenario, String mode, String target, int connections, double offeredRate,
                     Results results) {
        Histogram h = results.latencyMicros;
        Map<String, Double> latency = new LinkedHashMap<>();
        latency.put("p50", ms(h.getValueAtPercentile(50)));
        latency.put("p90", ms(h.getValueAtPercentile(90)));
        latency.put("p99", ms(h.getValueAtPercentile(99)));
        latency.put("p99.9", ms(h.getValueAtPercentile(99.9)));
        latency.put("max", ms(h.getMaxValue()));
        latency.put("mean", h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0);
        List<double[]> points = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue value : h.percentiles(5)) {
                points.add(new double[] {value.getPercentileLevelIteratedTo(), ms(value.getValueIteratedTo())});
                if (value.getPercentileLevelIteratedTo() >= 100) {
                    break;
                }
            }
        }
        return new Report(name, scenario, mode, target, connections, offeredRate, results.measuredNanos / 1e9,
                results.completed, results.achievedRate(), results.errors(), results.errorStatuses,
                results.transportErrors, results.unsent, results.hostStealMillis, latency, points);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    String summary() {
        return String.format(Locale.ROOT, "%s: %s %s, %d connections%s: %d requests in %.0f s = %.0f req/s, %d errors; "
                        + "latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%s",
                name, scenario, mode, connections, offeredRate > 0 ? String.format(Locale.ROOT, ", offered %.0f/s", offeredRate) : "",
                completed, durationSeconds, achievedRate, errors, latencyMs.get("p50"), latencyMs.get("p90"),
                latencyMs.get("p99"), latencyMs.get("p99.9"), latencyMs.get("max"),
                hostStealMs < 0 ? "" : String.format(Locale.ROOT, "; the host stole %.1f%% of the CPU time", stealPercent()));
    }

    /** The share of the machine's CPU time (all CPUs) the hypervisor took while the run was measured. */
    double stealPercent() {
        int cpus = Runtime.getRuntime().availableProcessors();
        return durationSeconds <= 0 || hostStealMs < 0 ? 0 : hostStealMs / (durationSeconds * 1000 * cpus) * 100;
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), this);
        Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8);
    }

    /** Latency by percentile on the usual log scale (x = 1/(1-p)), as an inline SVG: no scripts, no network. */
    String html() {
        int width = 800;
        int height = 400;
        int pad = 60;
        double maxX = Math.log10(1e5);
        double maxY = Math.max(0.001, percentiles.stream().mapToDouble(p -> p[1]).max().orElse(1)) * 1.1;
        StringBuilder line = new StringBuilder();
        for (double[] point : percentiles) {
            double fraction = Math.min(point[0] / 100.0, 0.99999);
            double x = pad + (width - 2 * pad) * Math.log10(1 / (1 - fraction)) / maxX;
            double y = height - pad - (height - 2 * pad) * point[1] / maxY;
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        StringBuilder axes = new StringBuilder();
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i < labels.length; i++) {
            double x = pad + (width - 2 * pad) * i / maxX;
            axes.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/>"
                    + "<text x='%.1f' y='%d' font-size='12' text-anchor='middle'>%s</text>", x, pad, x, height - pad, x, height - pad + 18, labels[i]));
        }
        for (int i = 0; i <= 4; i++) {
            double value = maxY * i / 4;
            double y = height - pad - (height - 2 * pad) * i / 4.0;
            axes.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>"
                    + "<text x='%d' y='%.1f' font-size='12' text-anchor='end'>%.2f ms</text>", pad, y, width - pad, y, pad - 6, y + 4, value));
        }
        return "<!doctype html><html><head><meta charset='utf-8'><title>" + escape(name) + "</title></head>"
                + "<body style='font-family:sans-serif'><h1>" + escape(name) + "</h1><p>" + escape(summary()) + "</p>"
                + "<svg width='" + width + "' height='" + height + "' xmlns='http://www.w3.org/2000/svg'>" + axes
                + "<polyline fill='none' stroke='#c33' stroke-width='2' points='" + line + "'/></svg>"
                + "<p>Latency by percentile" + ("open".equals(mode) ? ", measured from each request's intended send time." : ".")
                + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
