package io.shortener.analytics;

import io.shortener.devstack.AnalyticsJob;
import io.shortener.devstack.junit.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the job has counted everything on its topic: what its checkpoint records as committed
 * ({@link io.shortener.devstack.JobCheckpoint}) against the topic's end offsets. Once they meet, no event sent so far can still arrive
 * in ClickHouse, which is what a test that asserts "nothing more" waits for (rather than a few batches' time).
 */
final class JobProgress {

    private final String bootstrapServers;
    private final String topic;
    private final AnalyticsJob job;

    JobProgress(String bootstrapServers, String topic, AnalyticsJob job) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.job = job;
    }

    /** Waits until the job has committed a batch that ends where the topic ends now. */
    void awaitCaughtUp(Duration timeout) {
        long sent = sent();
        Await.until("the job commits every event on " + topic + " (" + sent + ")", timeout, () -> job.progress().committedEvents(topic),
                committed -> committed.isPresent() && committed.getAsLong() >= sent);
    }

    private long sent() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = Stream.iterate(0, p -> p + 1).limit(partitions)
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
