package io.shortener.devstack.junit;

import io.shortener.devstack.AnalyticsJob;
import io.shortener.devstack.KafkaTopicEnd;
import java.time.Duration;

/**
 * Whether the job has counted everything on its topic: what its checkpoint records as committed
 * ({@link io.shortener.devstack.JobCheckpoint}) against the topic's end offsets. Once they meet, no event sent so far can still arrive
 * in ClickHouse, which is what a test that asserts "nothing more" waits for (rather than a few batches' time).
 */
public final class JobProgress {

    private final String bootstrapServers;
    private final String topic;
    private final AnalyticsJob job;

    public JobProgress(String bootstrapServers, String topic, AnalyticsJob job) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.job = job;
    }

    /** Waits until the job has committed a batch that ends where the topic ends now. */
    public void awaitCaughtUp(Duration timeout) {
        long sent = sent();
        Await.until("the job commits every event on " + topic + " (" + sent + ")", timeout, () -> job.progress().committedEvents(topic),
                committed -> committed.isPresent() && committed.getAsLong() >= sent);
    }

    private long sent() {
        try (KafkaTopicEnd end = new KafkaTopicEnd(bootstrapServers, topic)) {
            return end.events();
        }
    }
}
