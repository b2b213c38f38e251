package io.shortener.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The {@code probes} section: which health checks decide readiness (a load balancer's question: send me
 * traffic?) and which liveness (a supervisor's: restart me?), and how long a stopping instance drains.
 */
public class ProbesConfiguration {

    /** Unhealthy, any of these makes the instance not ready. Redis and ClickHouse are not among them: redirects go on without them. */
    @NotEmpty
    private List<String> readiness = List.of("cassandra");

    /** Unhealthy, any of these makes the instance not alive: only what a restart would mend. */
    @NotEmpty
    private List<String> liveness = List.of("deadlocks", "clicks");

    /** After SIGTERM: not ready at once, still answering this long, so that load balancers take the instance out first. */
    @NotNull
    private Duration drainPeriod = Duration.seconds(5);

    @JsonProperty
    public List<String> getReadiness() {
        return readiness;
    }

    @JsonProperty
    public void setReadiness(List<String> readiness) {
        this.readiness = List.copyOf(readiness);
    }

    @JsonProperty
    public List<String> getLiveness() {
        return liveness;
    }

    @JsonProperty
    public void setLiveness(List<String> liveness) {
        this.liveness = List.copyOf(liveness);
    }

    @JsonProperty
    public Duration getDrainPeriod() {
        return drainPeriod;
    }

    @JsonProperty
    public void setDrainPeriod(Duration drainPeriod) {
        this.drainPeriod = drainPeriod;
    }
}
