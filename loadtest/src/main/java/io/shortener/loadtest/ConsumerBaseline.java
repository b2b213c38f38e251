package io.shortener.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.clickevent.ClickEvent;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The job's same-run baseline: a plain Kafka consumer on one thread that reads the same click events
 * from the start of the topic and decodes each into the contract's record, doing nothing else. Its events
 * per CPU-second are what reading and decoding alone cost; the job's figure against it is the price of
 * de-duplication, aggregation and the writes to ClickHouse.
 */
final class ConsumerBaseline {

    record Result(long events, double seconds, double cpuSeconds) {

        double eventsPerCpuSecond() {
            return events / cpuSeconds;
        }
    }

    private final String bootstrapServers;
    private final String topic;

    ConsumerBaseline(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    Result run(long maxEvents, Duration maxTime) throws Exception {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-consumer-baseline");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        ObjectMapper json = new ObjectMapper();
        // The whole process's CPU (the client's I/O, the JIT, the collector), as the job's figure counts its whole JVM.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long available = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum()
                    - partitions.stream().mapToLong(consumer::position).sum();
            long target = Math.min(maxEvents, available);
            long events = 0;
            long checksum = 0;
            long started = System.nanoTime();
            long cpuStarted = os.getProcessCpuTime();
            long deadline = started + maxTime.toNanos();
            while (events < target && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ClickEvent event = json.readValue(record.value(), ClickEvent.class);
                    checksum += event.eventId();
                    events++;
                }
            }
            double cpu = (os.getProcessCpuTime() - cpuStarted) / 1e9;
            if (checksum == 42) {
                // Keeps the decoding from being optimised away; never true in practice.
                System.out.print("");
            }
            return new Result(events, (System.nanoTime() - started) / 1e9, cpu);
        }
    }
}
