package io.shortener.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;
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
    private final Path checkpoint;
    private final ObjectMapper json = new ObjectMapper();

    ClickBacklog(String bootstrapServers, String topic, Path checkpoint) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-backlog");
        this.consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.checkpoint = checkpoint;
    }

    /** Events in the topic, all partitions. */
    long sent() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map((PartitionInfo p) -> new TopicPartition(topic, p.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Events the job has counted: the end offsets of its last committed batch, or empty without a checkpoint. */
    OptionalLong counted() throws IOException {
        Path commits = checkpoint.resolve("commits");
        if (!Files.isDirectory(commits)) {
            return OptionalLong.empty();
        }
        OptionalLong last;
        try (Stream<Path> files = Files.list(commits)) {
            last = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .mapToLong(Long::parseLong).max();
        }
        if (last.isEmpty()) {
            return OptionalLong.empty();
        }
        List<String> lines = Files.readAllLines(checkpoint.resolve("offsets").resolve(Long.toString(last.getAsLong())),
                StandardCharsets.UTF_8);
        JsonNode offsets = json.readTree(lines.get(lines.size() - 1)).get(topic);
        long sum = 0;
        for (Map.Entry<String, JsonNode> partition : (Iterable<Map.Entry<String, JsonNode>>) offsets::fields) {
            sum += partition.getValue().asLong();
        }
        return OptionalLong.of(sum);
    }

    /** Events sent and not yet counted, or -1 when the job has no checkpoint to read. */
    long backlog() throws IOException {
        OptionalLong counted = counted();
        return counted.isPresent() ? Math.max(0, sent() - counted.getAsLong()) : -1;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
