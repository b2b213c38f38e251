package io.shortener.stats;

import io.shortener.logging.RequestIds;
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
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
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
    private final ExecutorService executor;
    private final Clock clock;

    /** {@code executor}: the stats' own bounded pool (StatsExecutor); a full one refuses at once. */
    public StatsResource(LinkService links, ApiKeys keys, ClickStatsRepository clicks, StatsConfiguration config, ExecutorService executor,
                         Clock clock) {
        this.links = links;
        this.keys = keys;
        this.clicks = clicks;
        this.config = config;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Checked on the request thread (key, owner, period: cheap, and their errors are immediate); read from
     * ClickHouse on a stats thread, the request thread going back to the pool meanwhile.
     */
    @GET
    public void stats(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                      @PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to,
                      @QueryParam("interval") String interval, @Suspended AsyncResponse answer) {
        links.get(code, keys.authenticate(authorization, apiKey), Scope.STATS_READ);
        StatsPeriod period = StatsPeriod.parse(from, to, interval, clock, config.getMaxBuckets());
        answer.setTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        answer.setTimeoutHandler(late -> late.resume(new ApiException(503,
                "click statistics took longer than " + config.requestTimeout().toSeconds() + " s; redirects are not affected")));
        try {
            executor.execute(RequestIds.carried(() -> read(code, period, answer)));
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "too many click statistics requests at once; try again shortly");
        }
    }

    private void read(String code, StatsPeriod period, AsyncResponse answer) {
        try {
            answer.resume(clicks.read(code, period, config.getTopValues()));
        } catch (SQLException e) {
            LOG.warn("stats for {} unavailable: ClickHouse failed: {}", code, e.getMessage());
            answer.resume(new ApiException(503, "click statistics are unavailable right now; redirects are not affected"));
        } catch (RuntimeException e) {
            answer.resume(e);
        }
    }
}
