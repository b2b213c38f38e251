package io.shortener;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.shortener.access.AccessConfiguration;
import io.shortener.cache.CacheConfiguration;
import io.shortener.cassandra.CassandraFactory;
import io.shortener.health.ProbesConfiguration;
import io.shortener.click.ClickConfiguration;
import io.shortener.stats.StatsConfiguration;
import io.shortener.idgen.IdsFactory;
import io.shortener.limit.LimitsConfiguration;
import io.shortener.logging.RequestLogConfiguration;
import io.shortener.safety.SafetyConfiguration;
import io.shortener.link.LinksConfiguration;
import io.shortener.redirect.RedirectConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The whole YAML tree; every section has defaults that work against `bin/shortener up` on one machine. */
public class ShortenerConfiguration extends Configuration {

    @Valid
    @NotNull
    private LinksConfiguration links = new LinksConfiguration();

    @Valid
    @NotNull
    private RedirectConfiguration redirects = new RedirectConfiguration();

    @Valid
    @NotNull
    private IdsFactory ids = new IdsFactory();

    @Valid
    @NotNull
    private CassandraFactory cassandra = new CassandraFactory();

    @Valid
    @NotNull
    private CacheConfiguration cache = new CacheConfiguration();

    @Valid
    @NotNull
    private ClickConfiguration clicks = new ClickConfiguration();

    @Valid
    @NotNull
    private StatsConfiguration stats = new StatsConfiguration();

    @Valid
    @NotNull
    private AccessConfiguration access = new AccessConfiguration();

    @Valid
    @NotNull
    private LimitsConfiguration limits = new LimitsConfiguration();

    @Valid
    @NotNull
    private SafetyConfiguration safety = new SafetyConfiguration();

    @Valid
    @NotNull
    private ProbesConfiguration probes = new ProbesConfiguration();

    @Valid
    @NotNull
    private RequestLogConfiguration requestLog = new RequestLogConfiguration();

    @JsonProperty
    public RequestLogConfiguration getRequestLog() {
        return requestLog;
    }

    @JsonProperty
    public void setRequestLog(RequestLogConfiguration requestLog) {
        this.requestLog = requestLog;
    }

    @JsonProperty
    public ProbesConfiguration getProbes() {
        return probes;
    }

    @JsonProperty
    public void setProbes(ProbesConfiguration probes) {
        this.probes = probes;
    }

    /** A development run: the shipped placeholder secrets are allowed (see access/PlaceholderSecrets). */
    private boolean development = false;

    @JsonProperty
    public boolean isDevelopment() {
        return development;
    }

    @JsonProperty
    public void setDevelopment(boolean development) {
        this.development = development;
    }

    @JsonProperty
    public SafetyConfiguration getSafety() {
        return safety;
    }

    @JsonProperty
    public void setSafety(SafetyConfiguration safety) {
        this.safety = safety;
    }

    @JsonProperty
    public LimitsConfiguration getLimits() {
        return limits;
    }

    @JsonProperty
    public void setLimits(LimitsConfiguration limits) {
        this.limits = limits;
    }

    @JsonProperty
    public AccessConfiguration getAccess() {
        return access;
    }

    @JsonProperty
    public void setAccess(AccessConfiguration access) {
        this.access = access;
    }

    @JsonProperty
    public LinksConfiguration getLinks() {
        return links;
    }

    @JsonProperty
    public void setLinks(LinksConfiguration links) {
        this.links = links;
    }

    @JsonProperty
    public RedirectConfiguration getRedirects() {
        return redirects;
    }

    @JsonProperty
    public void setRedirects(RedirectConfiguration redirects) {
        this.redirects = redirects;
    }

    @JsonProperty
    public IdsFactory getIds() {
        return ids;
    }

    @JsonProperty
    public void setIds(IdsFactory ids) {
        this.ids = ids;
    }

    @JsonProperty
    public CassandraFactory getCassandra() {
        return cassandra;
    }

    @JsonProperty
    public void setCassandra(CassandraFactory cassandra) {
        this.cassandra = cassandra;
    }

    @JsonProperty
    public CacheConfiguration getCache() {
        return cache;
    }

    @JsonProperty
    public void setCache(CacheConfiguration cache) {
        this.cache = cache;
    }

    @JsonProperty
    public ClickConfiguration getClicks() {
        return clicks;
    }

    @JsonProperty
    public void setClicks(ClickConfiguration clicks) {
        this.clicks = clicks;
    }

    @JsonProperty
    public StatsConfiguration getStats() {
        return stats;
    }

    @JsonProperty
    public void setStats(StatsConfiguration stats) {
        this.stats = stats;
    }
}
