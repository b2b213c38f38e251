package io.shortener.click;

import com.codahale.metrics.health.HealthCheck;

/** Like Redis: Kafka away makes clicks wait in the journal, not redirects fail. Healthy, and says so. */
public final class ClickHealthCheck extends HealthCheck {

    private final ClickPipeline pipeline;

    public ClickHealthCheck(ClickPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    protected Result check() {
        if (!pipeline.isSenderAlive()) {
            return Result.unhealthy("the click sender has stopped: clicks are kept in the journal but nothing sends them; restart the instance");
        }
        if (pipeline.isKafkaUp()) {
            return Result.builder().healthy().withMessage("click events flow to Kafka").withDetail("degraded", false).build();
        }
        return Result.builder().healthy()
                .withMessage("DEGRADED: Kafka is not taking click events; %d bytes wait in the journal", pipeline.pendingBytes())
                .withDetail("degraded", true)
                .build();
    }
}
