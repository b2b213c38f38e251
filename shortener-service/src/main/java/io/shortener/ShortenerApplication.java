package io.shortener;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.github.benmanes.caffeine.cache.Ticker;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.shortener.access.AccessConfiguration;
import io.shortener.access.ApiKeyCommand;
import io.shortener.access.ApiKeyStore;
import io.shortener.access.ApiKeys;
import io.shortener.access.KeysResource;
import io.shortener.access.PlaceholderSecrets;
import io.shortener.cache.CacheConfiguration;
import io.shortener.cache.CacheMetrics;
import io.shortener.cache.CachingLinkStore;
import io.shortener.cache.ClearLocalCacheTask;
import io.shortener.cache.CrossRegionInvalidation;
import io.shortener.cache.InvalidationSubscriber;
import io.shortener.cache.LinkCodec;
import io.shortener.cache.RedisCacheFactory;
import io.shortener.cache.RedisConnection;
import io.shortener.cache.RedisHealthCheck;
import io.shortener.cache.RedisLinkCache;
import io.shortener.cassandra.CassandraFactory;
import io.shortener.click.ClickConfiguration;
import io.shortener.click.ClickEnricher;
import io.shortener.click.ClickHealthCheck;
import io.shortener.click.ClickPipeline;
import io.shortener.click.ClickRecorder;
import io.shortener.click.UserAgentClassifier;
import io.shortener.click.VisitorIds;
import io.shortener.cassandra.CassandraHealthCheck;
import io.shortener.cassandra.ManagedCqlSession;
import io.shortener.error.ErrorMappers;
import io.shortener.error.JsonErrorHandler;
import io.shortener.error.MinimumBodyRate;
import io.shortener.error.NoSniff;
import io.shortener.error.RequestBodyLimit;
import io.shortener.idgen.IdsFactory;
import io.shortener.idgen.MachineIds;
import io.shortener.idgen.MachineLease;
import io.shortener.idgen.MachineLeaseHealthCheck;
import io.shortener.idgen.ShortCodes;
import io.shortener.client.ClientAddresses;
import io.shortener.limit.ApiLimits;
import io.shortener.limit.ApiRateLimitHandler;
import io.shortener.limit.Buckets;
import io.shortener.limit.FallbackBuckets;
import io.shortener.limit.LimitsConfiguration;
import io.shortener.limit.LocalBuckets;
import io.shortener.limit.RedirectLimits;
import io.shortener.limit.RedisBuckets;
import io.shortener.link.AliasPolicy;
import io.shortener.link.CassandraLinkStore;
import io.shortener.link.CreateLinkHandler;
import io.shortener.link.IdempotentCreates;
import io.shortener.link.LinkChanges;
import io.shortener.link.LinkResource;
import io.shortener.safety.Blocklist;
import io.shortener.safety.BlocklistResource;
import io.shortener.safety.BlocklistStore;
import io.shortener.safety.LinkChecks;
import io.shortener.safety.SafetyConfiguration;
import io.shortener.safety.TargetHosts;
import io.shortener.stats.ClickHouseHealthCheck;
import io.shortener.stats.ClickStatsRepository;
import io.shortener.error.JsonAnswers;
import io.shortener.password.PasswordGate;
import io.shortener.password.PasswordHashes;
import io.shortener.limit.PasswordAttempts;
import io.shortener.visits.RedisVisitCounters;
import io.shortener.visits.VisitLimits;
import io.shortener.visits.VisitReconciler;
import io.shortener.stats.StatsResource;
import io.shortener.link.LinkService;
import io.shortener.link.BulkCreates;
import io.shortener.limit.BulkAllowance;
import io.shortener.api.OpenApiResource;
import io.shortener.listing.LinkListing;
import io.shortener.transfer.LinkExport;
import io.shortener.transfer.LinkImport;
import io.shortener.transfer.TransferResource;
import io.shortener.link.QrResource;
import io.shortener.web.HomeResource;
import io.shortener.web.WebPageServlet;
import io.shortener.logging.DroppedLogEvents;
import io.shortener.logging.RequestIdFilter;
import io.shortener.logging.RequestIds;
import io.shortener.logging.RequestLog;
import io.shortener.health.DrainOnStop;
import io.shortener.health.ProbeServlet;
import io.shortener.health.Probes;
import io.shortener.metrics.PrometheusMetrics;
import io.shortener.link.LinkStore;
import io.shortener.link.TargetUrlPolicy;
import io.shortener.redirect.RedirectHandler;
import io.shortener.release.ReleaseInfo;
import io.shortener.release.VersionServlet;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ShortenerApplication extends Application<ShortenerConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(ShortenerApplication.class);

    private final Clock clock;

    public ShortenerApplication() {
        this(Clock.systemUTC());
    }

    /** With the clock every expiry, lease, rate window and timestamp of the service reads: tests move it. */
    public ShortenerApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new ShortenerApplication().run(args);
    }

    @Override
    public String getName() {
        return "shortener";
    }

    @Override
    public void initialize(Bootstrap<ShortenerConfiguration> bootstrap) {
        // ${VAR:-default} in the YAML; an unset variable without a default is an error, not an empty string.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
        bootstrap.addCommand(new ApiKeyCommand());
    }

    @Override
    public void run(ShortenerConfiguration config, Environment environment) {
        PlaceholderSecrets.check(config.isDevelopment(), config.getIds().getCodeKey(), config.getClicks().getVisitorKey());
        strictJson(environment.getObjectMapper());
        environment.admin().addServlet("version", new VersionServlet(ReleaseInfo.of(ShortenerApplication.class))).addMapping("/version");
        PrometheusMetrics prometheus = new PrometheusMetrics(environment.metrics(), environment.healthChecks(),
                new RequestLog(config.getRequestLog().getSampleRate()));
        environment.metrics().register("logging.dropped-events", (Gauge<Long>) DroppedLogEvents.ofRootLogger()::count);
        environment.servlets().addFilter("request-ids", new RequestIdFilter()).addMappingForUrlPatterns(null, false, "/*");
        environment.admin().addServlet("prometheus", prometheus.servlet()).addMapping(PrometheusMetrics.PATH);
        Probes probes = new Probes(environment.healthChecks(), config.getProbes());
        environment.admin().addServlet("ready", new ProbeServlet(probes::readiness, "ready", environment.getObjectMapper())).addMapping("/ready");
        environment.admin().addServlet("alive", new ProbeServlet(probes::liveness, "alive", environment.getObjectMapper())).addMapping("/alive");
        DrainOnStop drain = new DrainOnStop(probes, config.getProbes().getDrainPeriod());
        environment.lifecycle().addServerLifecycleListener(server -> server.addEventListener(drain));

        CassandraFactory cassandra = config.getCassandra();
        CqlSession session = cassandra.connect(environment.metrics());
        environment.lifecycle().manage(new ManagedCqlSession(session));
        if (cassandra.isApplySchema()) {
            cassandra.schema().apply(session).ifPresent(change -> LOG.warn("{}", change.advice()));
        }
        environment.healthChecks().register("cassandra", new CassandraHealthCheck(session, cassandra.getLocalDatacenter()));

        RedisConnection redis = new RedisConnection(config.getCache().getRedis());
        environment.lifecycle().manage(redis);
        CachingLinkStore store = cachedStore(config.getCache(), redis, new CassandraLinkStore(session, cassandra.getKeyspace(),
                cassandra.otherDatacenters().stream().map(CassandraFactory::profileIn).toList(), clock), environment, clock);
        if (cassandra.severalDatacenters()) {
            environment.lifecycle().manage(new CrossRegionInvalidation(new LinkChanges(session, cassandra.getKeyspace()), store,
                    config.getCache().getRegions(), environment.lifecycle().scheduledExecutorService("cross-region-%d").threads(1).build(),
                    clock));
        }

        IdsFactory ids = config.getIds();
        MachineIds machines;
        if (ids.leased()) {
            MachineLease lease = ids.lease(session, cassandra.getKeyspace(),
                    environment.lifecycle().scheduledExecutorService("machine-lease-%d").threads(1).build(), clock);
            environment.lifecycle().manage(lease);
            environment.healthChecks().register("ids", new MachineLeaseHealthCheck(lease, clock));
            environment.metrics().register("ids.lease.valid", (Gauge<Integer>) () -> lease.isValidAt(clock.instant()) ? 1 : 0);
            environment.metrics().register("ids.lease.remaining-seconds", (Gauge<Long>) () -> lease.remainingAt(clock.instant()).toSeconds());
            machines = lease;
        } else {
            machines = ids.fixedMachine();
        }
        ShortCodes codes = ids.build(machines);
        String publicBaseUrl = config.getLinks().getPublicBaseUrl();
        SafetyConfiguration safety = config.getSafety();
        Blocklist blocklist = new Blocklist(new BlocklistStore(session, cassandra.getKeyspace()), safety.blocklistFile(),
                safety.blocklistRefresh(), environment.lifecycle().scheduledExecutorService("blocklist-%d").threads(1).build(), clock);
        environment.lifecycle().manage(blocklist);
        LinkChecks checks = new LinkChecks(LinkChecks.discovered(), blocklist, safety.getCheckQueue(),
                environment.metrics().meter("safety.checks.skipped"), environment.metrics().meter("safety.checks.blocked"));
        environment.lifecycle().manage(checks);
        PasswordHashes passwords = new PasswordHashes();
        LinkService links = new LinkService(
                store,
                codes,
                new TargetUrlPolicy(new TargetHosts(safety.serviceNames(URI.create(publicBaseUrl), bindHosts(config)),
                        safety.isAllowPrivateTargets()), blocklist),
                new AliasPolicy(),
                config.getLinks().defaultRedirect(),
                clock,
                checks::created,
                passwords);

        AccessConfiguration access = config.getAccess();
        ApiKeys keys = new ApiKeys(new ApiKeyStore(session, cassandra.getKeyspace()), access.keyCacheTtl(), access.isAnonymousCreates(), clock);
        if (!access.getInitialKey().isEmpty()) {
            keys.ensureInitialKey(access.getInitialKey());
        }

        JsonErrorHandler jettyErrors = new JsonErrorHandler(environment.getObjectMapper());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        environment.jersey().register(new RequestBodyLimit(config.getLinks().getMaxRequestBytes(),
                Map.of("api/v1/links" + LinkResource.BULK, (long) config.getLinks().getMaxBulkRequestBytes(),
                        "api/v1/links" + TransferResource.IMPORT, (long) config.getLinks().getMaxBulkRequestBytes())));
        environment.jersey().register(new NoSniff());
        ErrorMappers.all().forEach(environment.jersey()::register);
        IdempotentCreates idempotent = new IdempotentCreates(session, cassandra.getKeyspace(), environment.getObjectMapper(), publicBaseUrl);
        LimitsConfiguration limits = config.getLimits();
        Buckets sharedBuckets = new RedisBuckets(redis, config.getCache().getRedis().getBreaker().build(), limits.getKeyPrefix());
        Buckets apiBuckets = new FallbackBuckets(sharedBuckets, new LocalBuckets(limits.getLocalEntries(), Ticker.systemTicker()),
                environment.metrics().meter("limits.api.local-fallbacks"));
        BulkAllowance bulkAllowance = limits.isEnabled() ? BulkAllowance.of(apiBuckets, limits.getBulkLinksPerKey()) : BulkAllowance.UNLIMITED;
        BulkCreates bulk = new BulkCreates(links, environment.getObjectMapper(), bulkAllowance, publicBaseUrl);
        LinkListing listing = new LinkListing(session, cassandra.getKeyspace(), config.getLinks().getSearchScanBudget());
        environment.jersey().register(new LinkResource(links, listing, bulk, keys, idempotent, publicBaseUrl));
        environment.jersey().register(new TransferResource(new LinkExport(listing, publicBaseUrl), new LinkImport(links, bulkAllowance), keys));
        environment.jersey().register(new KeysResource(keys));
        environment.jersey().register(new OpenApiResource());
        environment.jersey().register(new QrResource(links, publicBaseUrl, clock));
        environment.jersey().register(new HomeResource());
        environment.servlets().addServlet("ui", new WebPageServlet()).addMapping(WebPageServlet.PATH + "/*");
        environment.jersey().register(new BlocklistResource(blocklist, links, keys));
        ClickStatsRepository clickStats = new ClickStatsRepository(config.getStats());
        environment.lifecycle().manage(clickStats);
        environment.jersey().register(new StatsResource(links, keys, clickStats, config.getStats(),
                environment.lifecycle().executorService("stats-%d").minThreads(config.getStats().getThreads())
                        .maxThreads(config.getStats().getThreads()).workQueue(new ArrayBlockingQueue<>(config.getStats().getQueue())).build(),
                clock));
        environment.healthChecks().register("clickhouse", new ClickHouseHealthCheck(clickStats));
        VisitLimits visitLimits = new VisitLimits(new RedisVisitCounters(redis, config.getCache().getRedis().getBreaker().build(),
                config.getLinks().getVisitCounterPrefix()), environment.metrics().meter("visits.counted-without-redis"));
        environment.lifecycle().manage(new VisitReconciler(visitLimits, clickStats::humanClicks,
                environment.lifecycle().scheduledExecutorService("visit-reconciler-%d").threads(1).build(),
                config.getLinks().getVisitReconcileInterval().toJavaDuration()));
        environment.getApplicationContext().insertHandler(new CreateLinkHandler(links, keys, idempotent,
                config.getLinks().getMaxRequestBytes(), environment.getObjectMapper(),
                // The same timer as Jersey's @Timed on LinkResource.create: one figure for creates, whichever door.
                environment.metrics().timer(MetricRegistry.name(LinkResource.class, "create"))));
        ClientAddresses clients = new ClientAddresses(access.trustedProxies());
        // Bodies only reach the API doors: the redirect path, outermost, never pays for the wrapper.
        environment.getApplicationContext().insertHandler(new MinimumBodyRate(config.getLinks().getMinBodyBytesPerSecond(), 2_000));
        if (limits.isEnabled()) {
            environment.getApplicationContext().insertHandler(new ApiRateLimitHandler(new ApiLimits(apiBuckets, limits),
                    keys, clients, limits.exemptClients(), environment.getObjectMapper(), environment.metrics().meter("limits.api.refused")));
        }
        // One classifier (and its cache of User-Agents) for the clicks and the redirect rules that ask for a device or an OS.
        UserAgentClassifier agents = new UserAgentClassifier(config.getClicks().getUserAgentCacheBytes());
        environment.metrics().register("clicks.user-agents.cached-bytes", (Gauge<Long>) agents::cachedBytes);
        RedirectLimits redirectLimits = new RedirectLimits(sharedBuckets, limits.getRedirects(), limits.exemptClients(),
                limits.getLocalEntries(), Ticker.systemTicker(), environment.metrics().meter("limits.redirects.refused"),
                environment.metrics().meter("limits.unknown-codes.refused"));
        environment.getApplicationContext().insertHandler(new RedirectHandler(links, config.getRedirects().cachePolicy(),
                clock, environment.getObjectMapper(), environment.metrics().timer("redirects",
                        // Every redirect records into it: the default reservoir takes a lock per update, this one does not.
                        () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build())),
                environment.metrics().counter(RedirectHandler.ON_SELECTOR_METRIC),
                clickRecorder(config, codes, environment, agents), config.getClicks().getCountryHeader(), clients, redirectLimits,
                blocklist, agents, visitLimits, new PasswordGate(passwords, new PasswordAttempts(apiBuckets, limits.getPasswordAttempts()),
                        new JsonAnswers(environment.getObjectMapper()))));
        // Inserted last, so outermost: every request of the application port is timed and has its id, whichever handler answers it.
        environment.getApplicationContext().insertHandler(prometheus.requestHandler());
        environment.getApplicationContext().insertHandler(new RequestIds());
    }

    /** The hosts the API and admin connectors bind to: a link to one of them would be a loop. */
    private static List<String> bindHosts(ShortenerConfiguration config) {
        List<String> hosts = new ArrayList<>();
        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            Stream.concat(server.getApplicationConnectors().stream(), server.getAdminConnectors().stream())
                    .filter(HttpConnectorFactory.class::isInstance).map(HttpConnectorFactory.class::cast)
                    .map(HttpConnectorFactory::getBindHost).filter(Objects::nonNull).forEach(hosts::add);
        }
        return hosts;
    }

    /** Every redirect becomes a click event on Kafka; see ClickPipeline. */
    private static ClickRecorder clickRecorder(ShortenerConfiguration config, ShortCodes codes, Environment environment,
                                               UserAgentClassifier agents) {
        ClickConfiguration clicks = config.getClicks();
        if (!clicks.isEnabled()) {
            return ClickRecorder.NONE;
        }
        int region = config.getIds().getRegion();
        ClickPipeline pipeline = new ClickPipeline(
                clicks.journals(),
                codes::nextEventId,
                new ClickEnricher(agents, new VisitorIds(clicks.getVisitorKey()), region, codes::machine),
                clicks.producer("shortener-" + region + "-" + ProcessHandle.current().pid()), clicks.getTopic(), clicks.getSenderNice(),
                environment.metrics());
        environment.lifecycle().manage(pipeline);
        environment.healthChecks().register("clicks", new ClickHealthCheck(pipeline));
        return pipeline;
    }

    /** L1 in this process, L2 in the Redis Cluster, Cassandra behind both; see CachingLinkStore. */
    private static CachingLinkStore cachedStore(CacheConfiguration config, RedisConnection redis, LinkStore cassandra,
                                                Environment environment, Clock clock) {
        RedisCacheFactory redisConfig = config.getRedis();
        CircuitBreaker breaker = redisConfig.getBreaker().build();
        CacheMetrics metrics = new CacheMetrics(environment.metrics());
        environment.metrics().register("cache.l2.breaker", (Gauge<String>) () -> breaker.getState().name());
        environment.metrics().register("cache.l2.breaker-open", (Gauge<Integer>) () -> isOpen(breaker.getState()) ? 1 : 0);
        ScheduledExecutorService scheduler = environment.lifecycle().scheduledExecutorService("cache-invalidation-%d").threads(1).build();
        CachingLinkStore store = new CachingLinkStore(cassandra,
                new RedisLinkCache(redis, breaker, new LinkCodec(environment.getObjectMapper()), redisConfig, metrics, clock),
                config.getLocal(), metrics, scheduler, redisConfig.invalidationRepeat(), clock,
                environment.lifecycle().executorService("cache-refresh-%d").minThreads(2).maxThreads(2).build(), Ticker.systemTicker());
        environment.metrics().register("cache.l1.size", (Gauge<Long>) store::localSize);
        environment.metrics().register("cache.l1.bytes", (Gauge<Long>) store::localBytes);
        environment.lifecycle().manage(new InvalidationSubscriber(redis, redisConfig.getInvalidationChannel(),
                store::invalidateLocally, store::clearLocal, metrics));
        environment.healthChecks().register("redis", new RedisHealthCheck(redis, breaker));
        environment.admin().addTask(new ClearLocalCacheTask(store));
        return store;
    }

    /** Open, forced open or trying again (half open): Redis is not being asked as usual. */
    private static boolean isOpen(CircuitBreaker.State state) {
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN || state == CircuitBreaker.State.HALF_OPEN;
    }

    /** Request bodies get no second guesses: unknown fields and "301" for 301 are errors the client should see. */
    private static void strictJson(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
