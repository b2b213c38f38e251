package io.shortener.limit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code limits.redirects}. A redirect must not wait for Redis: an instance admits up to {@code lease}
 * redirects per address per {@code leaseWindow} on its own, and only then settles with the shared bucket
 * (taking what was spent plus the next lease). An address may thus pass its limit by at most
 * instances × lease per window.
 */
public class RedirectLimitsConfiguration {

    @JsonProperty
    @NotNull
    private Bandwidth perIp = Bandwidth.perSecond(400, 200);

    @JsonProperty
    @Min(1)
    private int lease = 20;

    @JsonProperty
    @NotNull
    private Duration leaseWindow = Duration.seconds(1);

    /**
     * Codes that turn out not to exist, looked up past this instance's memory (Redis, then Cassandra), per
     * address: once spent, that address's unknown codes are refused (429) before any lookup.
     */
    @JsonProperty
    @NotNull
    private Bandwidth unknownCodesPerIp = Bandwidth.perSecond(20, 10);

    public RedirectLimitsConfiguration() {
    }

    public RedirectLimitsConfiguration(Bandwidth perIp, int lease, Duration leaseWindow, Bandwidth unknownCodesPerIp) {
        this.perIp = perIp;
        this.lease = lease;
        this.leaseWindow = leaseWindow;
        this.unknownCodesPerIp = unknownCodesPerIp;
    }

    public Bandwidth getPerIp() {
        return perIp;
    }

    public int getLease() {
        return lease;
    }

    public java.time.Duration leaseWindow() {
        return leaseWindow.toJavaDuration();
    }

    public Bandwidth getUnknownCodesPerIp() {
        return unknownCodesPerIp;
    }
}
