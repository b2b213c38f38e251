package io.shortener.click;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the tests read back from a real broker: the click events on a topic of their own. */
public final class KafkaTopicReader {

    private final String bootstrapServers;
    private final ObjectMapper json = new ObjectMapper();

    public KafkaTopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
        }
    }

    /** Every event on the topic, reading until {@code expected} have come or the time is up, then a little longer to see any extra. */
    public List<JsonNode> readAll(String topic, int expected, Duration timeout) throws Exception {
        return readAll(topic, (Set<String>) null, expected, timeout);
    }

    /** The same for the events of one link ({@code code}; null: all) on a topic that other tests share. */
    public List<JsonNode> readAll(String topic, String code, int expected, Duration timeout) throws Exception {
        return readAll(topic, code == null ? null : Set.of(code), expected, timeout);
    }

    /** The same for the events of these links ({@code codes}; null: all). */
    public List<JsonNode> readAll(String topic, Set<String> codes, int expected, Duration timeout) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = json.readTree(record.value());
                    if (!record.key().equals(event.get("code").asText())) {
                        throw new AssertionError("event keyed " + record.key() + " for code " + event.get("code"));
                    }
                    if (codes == null || codes.contains(record.key())) {
                        events.add(event);
                    }
                }
                if (events.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return events;
    }
}
