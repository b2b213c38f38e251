package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's own logic, against Kafka's MockProducer: the real broker is in ClickEventsIT and KafkaOutageIT. */
class ClickPipelineTest {

    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private final MetricRegistry metrics = new MetricRegistry();
    private final AtomicLong ids = new AtomicLong();

    @Test
    void everyClickRecordedByManyThreadsAcrossStripesReachesKafkaOnceAndIsCommitted() throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        ClickPipeline pipeline = pipeline(producer, 4);
        pipeline.start();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    pipeline.record(click("code" + (i % 7)));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        awaitSent(producer, 4_000);
        Set<String> eventIds = producer.history().stream().map(ProducerRecord::value)
                .map(json -> json.replaceAll(".*\"eventId\":\"?(\\d+).*", "$1")).collect(Collectors.toSet());
        assertThat(eventIds).hasSize(4_000);
        assertThat(metrics.counter("clicks.sent").getCount()).isEqualTo(4_000);
        pipeline.stop();
        assertThat(pipeline.pendingBytes()).isZero();
    }

    @Test
    void clicksWaitWhileKafkaRefusesThemAndAllGoOnceItTakesThemAgain() throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        producer.sendException = new KafkaException("no broker");
        ClickPipeline pipeline = pipeline(producer, 2);
        for (int i = 0; i < 10; i++) {
            pipeline.record(click("waiting"));
        }
        pipeline.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pipeline.isKafkaUp() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pipeline.isKafkaUp()).as("Kafka seen away").isFalse();
        assertThat(pipeline.pendingBytes()).isPositive();

        producer.sendException = null;
        awaitSent(producer, 10);

        // The sender counts a batch, then marks Kafka up: wait for both.
        while ((metrics.counter("clicks.sent").getCount() < 10 || !pipeline.isKafkaUp()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pipeline.isKafkaUp()).isTrue();
        assertThat(metrics.counter("clicks.resent").getCount()).isEqualTo(10);
        pipeline.stop();
        assertThat(pipeline.pendingBytes()).isZero();
    }

    @Test
    void aClickWhoseEnrichmentFailsIsSentWithItsOwnFieldsAndTheOthersFollow() throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        AtomicInteger calls = new AtomicInteger();
        // The first enrichment fails half-way; the bare event asks again and gets an answer.
        ClickPipeline pipeline = pipeline(producer, 1, () -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("enrichment failed");
            }
            return 0;
        });
        for (int i = 0; i < 3; i++) {
            pipeline.record(click("odd"));
        }
        pipeline.start();

        awaitSent(producer, 3);
        assertThat(metrics.counter("clicks.enrichment-failures").getCount()).isEqualTo(1);
        assertThat(producer.history().get(0).value()).contains("\"browser\":\"Other\"").contains("\"bot\":true");
        pipeline.stop();
    }

    @Test
    void anErrorInTheSenderSendsTheClicksAgainAndTheSenderLivesOn() throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        AtomicInteger calls = new AtomicInteger();
        ClickPipeline pipeline = pipeline(producer, 1, () -> {
            if (calls.getAndIncrement() == 0) {
                throw new AssertionError("an Error, not an Exception");
            }
            return 0;
        });
        for (int i = 0; i < 3; i++) {
            pipeline.record(click("after-error"));
        }
        pipeline.start();

        awaitSent(producer, 3);
        // The sender counts a batch once Kafka has acknowledged it, after the producer has it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (metrics.counter("clicks.sent").getCount() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(metrics.counter("clicks.sent").getCount()).isEqualTo(3);
        assertThat(pipeline.isSenderAlive()).isTrue();
        pipeline.stop();
        assertThat(pipeline.isSenderAlive()).as("stopped by stop() alone").isFalse();
    }

    private ClickPipeline pipeline(MockProducer<String, String> producer, int stripes) {
        return pipeline(producer, stripes, () -> 0);
    }

    private ClickPipeline pipeline(MockProducer<String, String> producer, int stripes, IntSupplier instance) {
        List<ClickJournal> journals = new ArrayList<>();
        for (int i = 0; i < stripes; i++) {
            journals.add(new ClickJournal(dir.resolve("stripe-" + i), SEGMENT, 1 << 24));
        }
        return new ClickPipeline(journals, ids::incrementAndGet,
                new ClickEnricher(new UserAgentClassifier(), new VisitorIds("test-key"), 0, instance), producer, "clicks", 0, metrics);
    }

    private static RawClick click(String code) {
        return new RawClick(code, 1_700_000_000_000L, false, "192.0.2.7", "curl/8.5.0", null, null);
    }

    private static void awaitSent(MockProducer<String, String> producer, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (producer.history().size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(producer.history()).hasSize(count);
    }

}
