package io.shortener.limit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shortener.access.Scope;
import io.shortener.client.ClientRanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code limits}: token buckets shared by every instance in the Redis Cluster. The defaults suit a
 * public deployment; every number is per client address or per API key, never per instance.
 */
public class LimitsConfiguration {

    @JsonProperty
    private boolean enabled = true;

    /** Addresses and CIDR ranges never limited (your monitoring, your own load tests), comma-separated. */
    @JsonProperty
    @NotNull
    private String exemptClients = "";

    @JsonProperty
    @NotEmpty
    private String keyPrefix = "limit:";

    /** Every API request of a client without a valid key (no key, a wrong one, an anonymous create), per address. */
    @JsonProperty
    @NotNull
    private Bandwidth apiPerIp = Bandwidth.perSecond(60, 30);

    /** Creates without a key, per address, where the operator allows them (access.anonymousCreates). */
    @JsonProperty
    @NotNull
    private Bandwidth anonymousCreatesPerIp = new Bandwidth(10, 10, io.dropwizard.util.Duration.minutes(1));

    /** API requests with a valid key, per key, by the scope the route needs (links:write, links:read, stats:read). */
    @JsonProperty
    @NotNull
    private Map<String, Bandwidth> perKey = Map.of(
            Scope.LINKS_WRITE.text(), Bandwidth.perSecond(100, 50),
            Scope.LINKS_READ.text(), Bandwidth.perSecond(200, 100),
            Scope.STATS_READ.text(), Bandwidth.perSecond(60, 30));

    /** Links created through POST /api/v1/links/bulk, per key: items past it get a 429 each. */
    @JsonProperty
    @Valid
    @NotNull
    private Bandwidth bulkLinksPerKey = new Bandwidth(1_000, 1_000, io.dropwizard.util.Duration.minutes(1));

    /** Attempts at a protected link's password, per link and client address (see PasswordAttempts). */
    @JsonProperty
    @Valid
    @NotNull
    private Bandwidth passwordAttempts = new Bandwidth(10, 10, io.dropwizard.util.Duration.minutes(1));

    @JsonProperty
    @Valid
    @NotNull
    private RedirectLimitsConfiguration redirects = new RedirectLimitsConfiguration();

    /** Client addresses (and fallback buckets) an instance keeps state for at once; the least recent go first. */
    @JsonProperty
    @Min(1000)
    private int localEntries = 100_000;

    public Bandwidth getBulkLinksPerKey() {
        return bulkLinksPerKey;
    }

    public Bandwidth getPasswordAttempts() {
        return passwordAttempts;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Clients never limited: every client when limits are off. */
    public ClientRanges exemptClients() {
        return enabled ? ClientRanges.parse(exemptClients) : ClientRanges.ALL;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public Bandwidth getApiPerIp() {
        return apiPerIp;
    }

    public Bandwidth getAnonymousCreatesPerIp() {
        return anonymousCreatesPerIp;
    }

    /** Every scope a route may need, with its bandwidth; a scope left out of the YAML is refused at start. */
    public Map<Scope, Bandwidth> perKey() {
        Map<Scope, Bandwidth> byScope = new EnumMap<>(Scope.class);
        perKey.forEach((text, bandwidth) -> byScope.put(Scope.of(text), bandwidth));
        for (Scope needed : ApiRoute.scopes()) {
            if (!byScope.containsKey(needed)) {
                throw new IllegalArgumentException("limits.perKey needs a bandwidth for " + needed.text());
            }
        }
        return byScope;
    }

    public RedirectLimitsConfiguration getRedirects() {
        return redirects;
    }

    public int getLocalEntries() {
        return localEntries;
    }
}
