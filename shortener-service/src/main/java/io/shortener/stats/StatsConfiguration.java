package io.shortener.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The {@code stats} section: the ClickHouse the stats API reads, and how much one answer may hold. */
public class StatsConfiguration {

    /** The legacy driver's URL form; compress=false, or ClickHouse 18.16's answers lack column names. */
    @JsonProperty
    @NotEmpty
    private String clickHouseUrl = "jdbc:clickhouse://127.0.0.1:18123/shortener?compress=false";

    @JsonProperty
    @NotNull
    private String user = "default";

    /** Empty or absent: none. */
    @JsonProperty
    private String password = "";

    @JsonProperty
    @NotNull
    private Duration queryTimeout = Duration.seconds(5);

    /** A series longer than this is refused (a week of minutes). */
    @JsonProperty
    @Min(1)
    private int maxBuckets = 10_080;

    /** How many referrers, countries, devices, browsers and operating systems an answer lists. */
    @JsonProperty
    @Min(1)
    @Max(1000)
    private int topValues = 10;

    /**
     * Stats requests answered at once, each on a thread of the stats' own with a pooled ClickHouse
     * connection: slow analytics wait there, never on the threads that serve redirects.
     */
    @JsonProperty
    @Min(1)
    @Max(64)
    private int threads = 2;

    /** Stats requests that may wait for a thread; beyond them a request is answered 503 at once. */
    @JsonProperty
    @Min(1)
    private int queue = 16;

    public int getThreads() {
        return threads;
    }

    public int getQueue() {
        return queue;
    }

    /** How long a stats request may take in all, waiting included: a query's timeout and a second. */
    public java.time.Duration requestTimeout() {
        return queryTimeout.toJavaDuration().plusSeconds(1);
    }

    public String getClickHouseUrl() {
        return clickHouseUrl;
    }

    public String getUser() {
        return user;
    }

    public String getPassword() {
        return password == null ? "" : password;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public int getMaxBuckets() {
        return maxBuckets;
    }

    public int getTopValues() {
        return topValues;
    }
}
