package io.shortener.click;

import io.shortener.access.PlaceholderSecrets;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The {@code clicks} section: where click events go, and the write-ahead spool they wait in until Kafka has them. */
public class ClickConfiguration {

    /** Journal segments are this big (sparse files, mapped whole): about 150,000 clicks each. */
    public static final int JOURNAL_SEGMENT_BYTES = 32 * 1024 * 1024;

    @JsonProperty
    private boolean enabled = true;

    @JsonProperty
    @NotEmpty
    private String bootstrapServers = "127.0.0.1:19092";

    @JsonProperty
    @NotEmpty
    private String topic = "clicks";

    @JsonProperty
    @NotEmpty
    private String spoolDirectory = "spool/clicks";

    /** The journal's cap: past it (Kafka away that long), clicks are dropped and counted. At least two segments. */
    @JsonProperty
    @Min(2L * JOURNAL_SEGMENT_BYTES)
    private long spoolMaxBytes = 512L * 1024 * 1024;

    /**
     * Journals appended to side by side, each by its own share of the request threads. One journal's
     * lock, held a microsecond, still convoys 32 threads on two cores whenever its holder is preempted.
     */
    @JsonProperty
    @Min(1)
    @Max(64)
    private int journalStripes = 4;

    /**
     * The sending thread's nice value (Linux, per thread; 0: not niced). Niced, it yields the CPU to
     * redirect threads when both want it, and clicks wait in the journal meanwhile.
     */
    @JsonProperty
    @Max(19)
    @Min(0)
    private int senderNice = 10;

    /**
     * The producer's codec for record batches (Kafka's compression.type). lz4, not zstd: zstd's native
     * context is allocated afresh for every record batch, and at 10,000 clicks/s its zeroing page-faulted
     * ~20,000 times a second, which cost the service a quarter of its CPU (perf stat, 0.92 against 0.66
     * CPUs); lz4's 64 KB block buffer per batch is a Java array, which is cheap to collect.
     */
    @JsonProperty
    @NotEmpty
    @Pattern(regexp = "none|gzip|snappy|lz4|zstd", message = "must be none, gzip, snappy, lz4 or zstd")
    private String compression = "lz4";

    /**
     * The User-Agent classifications kept, by estimated bytes (each the first 512 characters of an agent): a few
     * thousand agents make most traffic, and a client sending a new one with every request churns the cache
     * instead of growing it.
     */
    @JsonProperty
    @Min(64 * 1024)
    private long userAgentCacheBytes = 4L << 20;

    /** A header a trusted proxy or CDN sets to the client's country (e.g. CF-IPCountry); empty: none. */
    @JsonProperty
    private String countryHeader = "";

    /** The key of the visitor-id hash. Changing it makes every visitor new. */
    @JsonProperty
    @NotEmpty
    private String visitorKey = PlaceholderSecrets.PLACEHOLDER;

    /** acks=all and idempotence: an acknowledged event is on every in-sync replica, once. Short timeouts: the spool waits better. */
    public KafkaProducer<String, String> producer(String clientId) {
        return new KafkaProducer<>(producerSettings(clientId), new StringSerializer(), new StringSerializer());
    }

    Map<String, Object> producerSettings(String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        return settings;
    }

    /**
     * The journals, one folder each ({@code spoolDirectory} itself for the first: a journal written
     * before stripes existed is sent on), sharing {@code spoolMaxBytes}.
     */
    public List<ClickJournal> journals() {
        Path root = Path.of(spoolDirectory);
        long eachMax = Math.max(2L * JOURNAL_SEGMENT_BYTES, spoolMaxBytes / journalStripes);
        List<ClickJournal> journals = new ArrayList<>();
        for (int stripe = 0; stripe < journalStripes; stripe++) {
            journals.add(new ClickJournal(stripe == 0 ? root : root.resolve("stripe-" + stripe), JOURNAL_SEGMENT_BYTES, eachMax));
        }
        return journals;
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

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public long getSpoolMaxBytes() {
        return spoolMaxBytes;
    }

    public long getUserAgentCacheBytes() {
        return userAgentCacheBytes;
    }

    public int getSenderNice() {
        return senderNice;
    }

    public String getCountryHeader() {
        return countryHeader;
    }

    public String getVisitorKey() {
        return visitorKey;
    }
}
