package io.shortener.loadtest;

import io.shortener.devstack.JobCheckpoint;
import io.shortener.devstack.KafkaTopicEnd;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * How far the analytics job is behind the click topic: the topic's end offsets (what the service has
 * sent) against the offsets of the last micro-batch the job committed in its checkpoint (what is counted
 * in ClickHouse). Both are observable facts, read without disturbing the job.
 */
final class ClickBacklog implements AutoCloseable {

    private final KafkaTopicEnd end;
    private final String topic;
    private final JobCheckpoint checkpoint;

    ClickBacklog(String bootstrapServers, String topic, Path checkpoint) {
        this.end = new KafkaTopicEnd(bootstrapServers, topic);
        this.topic = topic;
        this.checkpoint = new JobCheckpoint(checkpoint);
    }

    /** Events in the topic, all partitions. */
    long sent() {
        return end.events();
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
        end.close();
    }
}
