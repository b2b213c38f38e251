package io.shortener.stats;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.List;

/** What the stats API answers for one link over one period. */
public record LinkStats(String code, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant from,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant to, String interval, Totals totals, List<Point> series, Top top,
                        List<Target> targets) {

    public LinkStats {
        series = List.copyOf(series);
        targets = List.copyOf(targets);
    }

    /** Unique visitors are distinct visitor ids of human clicks; a visitor id changes every UTC day. */
    public record Totals(long clicks, long humanClicks, long botClicks, long uniqueVisitors) {
    }

    /** One interval of the series, from {@code start}; intervals without clicks are there with zeros. */
    public record Point(@JsonFormat(shape = JsonFormat.Shape.STRING) Instant start, long clicks, long humanClicks) {
    }

    /**
     * The most frequent values, most clicks first; referrer "" is direct traffic, country "" unknown; a
     * region is the Snowflake region number ({@code ids.region}) of the service that answered the redirect.
     */
    public record Top(List<Count> referrers, List<Count> countries, List<Count> devices, List<Count> browsers, List<Count> os,
                      List<Count> regions) {
    }

    public record Count(String value, long clicks, long humanClicks) {
    }

    /**
     * The clicks a redirect rule's target served: {@code rule} numbers the link's rules from 1 as they were
     * when the click was made (0: no rule matched, the link's own URL served), {@code variant} the targets of
     * the rule's split from 1 (0: a rule with a single target). Every one that served in the period.
     */
    public record Target(int rule, int variant, long clicks, long humanClicks) {
    }
}
