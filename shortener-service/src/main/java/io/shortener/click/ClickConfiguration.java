package io.shortener.click;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The {@code clicks} section: where click events go, and where they wait while Kafka is away. */
public class ClickConfiguration {

    @JsonProperty
    private boolean enabled = true;

    @JsonProperty
    @NotEmpty
    private String bootstrapServers = "127.0.0.1:19092";

    @JsonProperty
    @NotEmpty
    private String topic = "clicks";

    /** Redirects hand events to the sender through a queue this long; when it is full, events are dropped and counted. */
    @JsonProperty
    @Min(1)
    private int queueCapacity = 65_536;

    @JsonProperty
    @NotEmpty
    private String spoolDirectory = "spool/clicks";

    @JsonProperty
    @Min(1024)
    private long spoolMaxBytes = 512L * 1024 * 1024;

    /** A header a trusted proxy or CDN sets to the client's country (e.g. CF-IPCountry); empty: none. */
    @JsonProperty
    private String countryHeader = "";

    /** The key of the visitor-id hash. Changing it makes every visitor new. */
    @JsonProperty
    @NotEmpty
    private String visitorKey = "change-me-per-deployment";

    /** acks=all and idempotence: an acknowledged event is on every in-sync replica, once. Short timeouts: the spool waits better. */
    public KafkaProducer<String, String> producer(String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public long getSpoolMaxBytes() {
        return spoolMaxBytes;
    }

    public String getCountryHeader() {
        return countryHeader;
    }

    public String getVisitorKey() {
        return visitorKey;
    }
}
