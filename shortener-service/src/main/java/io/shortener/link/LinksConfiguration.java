package io.shortener.link;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The {@code links} section. */
public class LinksConfiguration {

    /** Where short links are served from; shortUrl is this plus "/" plus the code. */
    @NotEmpty
    @Pattern(regexp = "https?://[^/?#]+", message = "must be http(s)://host[:port], with no path")
    private String publicBaseUrl = "http://127.0.0.1:8080";

    @Min(301)
    @Max(308)
    private int defaultRedirectType = 302;

    @Min(1024)
    private int maxRequestBytes = 16 * 1024;

    /** The largest body of a bulk create ({@code POST /api/v1/links/bulk}: up to 1,000 links). */
    @JsonProperty
    @Min(1024)
    private int maxBulkRequestBytes = 4 * 1024 * 1024;

    @JsonProperty
    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    @JsonProperty
    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @JsonProperty
    public int getDefaultRedirectType() {
        return defaultRedirectType;
    }

    @JsonProperty
    public void setDefaultRedirectType(int defaultRedirectType) {
        this.defaultRedirectType = defaultRedirectType;
    }

    /**
     * A request body that arrives slower than this (bytes a second, judged after two seconds) is cut off
     * with 408; 0 turns the floor off.
     */
    @JsonProperty
    @Min(0)
    private long minBodyBytesPerSecond = 1024;

    public long getMinBodyBytesPerSecond() {
        return minBodyBytesPerSecond;
    }

    @JsonProperty
    public int getMaxBulkRequestBytes() {
        return maxBulkRequestBytes;
    }

    public int getMaxRequestBytes() {
        return maxRequestBytes;
    }

    @JsonProperty
    public void setMaxRequestBytes(int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Rows (links and hours) one list request reads at most while it filters by a search ({@code q}). */
    @JsonProperty
    @Min(100)
    private int searchScanBudget = 2_000;

    public int getSearchScanBudget() {
        return searchScanBudget;
    }

    /** The Redis keys of the links' visit counters (maxVisits) start with this. */
    @JsonProperty
    @NotEmpty
    private String visitCounterPrefix = "visits:";

    /**
     * How often the visit counters of the links visited lately are raised to the exact human clicks the
     * analytics counted (another region's visits, and those counted without Redis).
     */
    @JsonProperty
    @NotNull
    private io.dropwizard.util.Duration visitReconcileInterval = io.dropwizard.util.Duration.seconds(10);

    public String getVisitCounterPrefix() {
        return visitCounterPrefix;
    }

    public io.dropwizard.util.Duration getVisitReconcileInterval() {
        return visitReconcileInterval;
    }

    public RedirectType defaultRedirect() {
        return RedirectType.ofStatus(defaultRedirectType).orElseThrow(
                () -> new IllegalArgumentException("links.defaultRedirectType must be 301, 302, 307 or 308"));
    }
}
