package io.shortener.stats;

import io.shortener.access.ApiKeys;
import io.shortener.access.Scope;
import io.shortener.error.ApiException;
import io.shortener.link.LinkService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
    private final ApiKeys keys;
    private final ClickStatsRepository clicks;
    private final StatsConfiguration config;
    private final Clock clock;

    public StatsResource(LinkService links, ApiKeys keys, ClickStatsRepository clicks, StatsConfiguration config, Clock clock) {
        this.links = links;
        this.keys = keys;
        this.clicks = clicks;
        this.config = config;
        this.clock = clock;
    }

    @GET
    public LinkStats stats(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                           @PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("interval") String interval) {
        links.get(code, keys.authenticate(authorization, apiKey), Scope.STATS_READ);
        StatsPeriod period = StatsPeriod.parse(from, to, interval, clock, config.getMaxBuckets());
        try {
            return clicks.read(code, period, config.getTopValues());
        } catch (SQLException e) {
            LOG.warn("stats for {} unavailable: ClickHouse failed: {}", code, e.getMessage());
            throw new ApiException(503, "click statistics are unavailable right now; redirects are not affected");
        }
    }
}
