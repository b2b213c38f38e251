package io.shortener.stats;

import io.shortener.error.ApiException;
import io.shortener.link.LinkService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /api/v1/links/{code}/stats}: a link's clicks over a period, from ClickHouse. */
@Path("/api/v1/links/{code}/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {

    private static final Logger LOG = LoggerFactory.getLogger(StatsResource.class);

    private final LinkService links;
    private final ClickStatsRepository clicks;
    private final StatsConfiguration config;
    private final Clock clock;

    public StatsResource(LinkService links, ClickStatsRepository clicks, StatsConfiguration config, Clock clock) {
        this.links = links;
        this.clicks = clicks;
        this.config = config;
        this.clock = clock;
    }

    @GET
    public LinkStats stats(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("interval") String interval) {
        StatsPeriod period = StatsPeriod.parse(from, to, interval, clock, config.getMaxBuckets());
        links.get(code);
        try {
            return clicks.read(code, period, config.getTopValues());
        } catch (SQLException e) {
            LOG.warn("stats for {} unavailable: ClickHouse failed: {}", code, e.getMessage());
            throw new ApiException(503, "click statistics are unavailable right now; redirects are not affected");
        }
    }
}
