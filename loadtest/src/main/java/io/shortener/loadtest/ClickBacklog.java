package io.shortener.loadtest;

import io.shortener.devstack.JobCheckpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far the analytics job is behind the click topic: the topic's end offsets (what the service has
 * sent) against the offsets of the last micro-batch the job committed in its checkpoint (what is counted
 * in ClickHouse). Both are observable facts, read without disturbing the job.
 */
final class ClickBacklog implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final JobCheckpoint checkpoint;

    ClickBacklog(String bootstrapServers, String topic, Path checkpoint) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-backlog");
        this.consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.checkpoint = new JobCheckpoint(checkpoint);
    }

    /** Events in the topic, all partitions. */
    long sent() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map((PartitionInfo p) -> new TopicPartition(topic, p.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Events the job has counted: the end offsets of its last committed batch, or empty without a checkpoint. */
    OptionalLong counted() {
        return checkpoint.committedEvents(topic);
    }

    /** Events sent and not yet counted, or -1 when the job has no checkpoint to read. */
    long backlog() {
        OptionalLong counted = counted();
        return counted.isPresent() ? Math.max(0, sent() - counted.getAsLong()) : -1;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
