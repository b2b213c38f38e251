package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.devstack.AnalyticsJob;
import io.shortener.devstack.ClickHouseSettings;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.SparkJobSettings;
import io.shortener.devstack.junit.JobProgress;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job as `bin/shortener up` runs it (a JVM of its own, Spark in local mode), between a real Kafka and
 * a real ClickHouse: exact counts through duplicate deliveries and through a kill -9 mid-stream.
 */
@ExtendWith({RealKafka.class, RealClickHouse.class})
@Tag("analytics")
class ClickAggregationJobIT {

    private static final String TOPIC = "clicks_job_it";
    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(120);

    private static AnalyticsJob job;
    private static ClickHouseSettings clickhouse;
    private static ClickCounts counts;
    private static KafkaProducer<String, String> producer;
    private static JobProgress progress;

    @BeforeAll
    static void startTheJob() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.SETTINGS.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        RealClickHouse.freshDatabase("job_it");
        clickhouse = RealClickHouse.SETTINGS.withDatabase("job_it");
        counts = new ClickCounts(clickhouse);
        ProjectHome home = ProjectHome.locate();
        job = new AnalyticsJob(home, home.stackDir("test").resolve("job-it"), SparkJobSettings.test());
        job.wipe();
        job.start(RealKafka.SETTINGS, TOPIC, clickhouse);
        progress = new JobProgress(RealKafka.SETTINGS.bootstrapServers(), TOPIC, job);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.SETTINGS.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stopTheJob() {
        producer.close();
        job.stop();
    }

    @Test
    void countsEveryClickOnceWhenKafkaDeliversSomeTwice() throws Exception {
        List<String> clicks = Clicks.of("twice", System.currentTimeMillis(), 200);
        send("twice", clicks);
        send("twice", clicks.subList(0, 50));

        ClickCounts.Totals totals = counts.awaitClicks("twice", 200, COUNTED_WITHIN);
        progress.awaitCaughtUp(COUNTED_WITHIN); // every delivery, the second ones too, has been through the job

        assertThat(counts.totals("twice")).isEqualTo(totals).isEqualTo(new ClickCounts.Totals(200, Clicks.humans(200)));
        assertThat(counts.breakdownClicks("twice", "country", "DE")).isEqualTo(100);
        assertThat(counts.breakdownClicks("twice", "browser", "Googlebot")).isEqualTo(200 - Clicks.humans(200));
        assertThat(counts.uniqueHumans("twice")).isEqualTo(5);
    }

    @Test
    void aJobKilledMidStreamAndStartedAgainNeitherLosesNorDoublesAClick() throws Exception {
        long now = System.currentTimeMillis();
        send("killed", Clicks.of("killed", now, 300));
        counts.awaitClicks("killed", 1, COUNTED_WITHIN);
        // Kill while clicks keep arriving: whichever point of a batch the kill lands on, the restart
        // must carry on from the checkpoint and rewrite any half-done batch to the same numbers.
        Thread sender = new Thread(() -> {
            for (int round = 1; round <= 10; round++) {
                send("killed", Clicks.of("killed", now + round * 1_000L, 30));
                sleep(Duration.ofMillis(300));
            }
        });
        sender.start();
        sleep(Duration.ofMillis(700));
        LocalProcess running = job.running().orElseThrow();
        running.kill();
        sender.join();
        job.start(RealKafka.SETTINGS, TOPIC, clickhouse);
        send("killed", Clicks.of("killed", now + 60_000, 100));

        counts.awaitClicks("killed", 700, COUNTED_WITHIN);
        progress.awaitCaughtUp(COUNTED_WITHIN);

        assertThat(counts.totals("killed")).isEqualTo(
                new ClickCounts.Totals(700, Clicks.humans(300) + 10 * Clicks.humans(30) + Clicks.humans(100)));
    }

    private static void send(String code, List<String> events) {
        for (String event : events) {
            producer.send(new ProducerRecord<>(TOPIC, code, event));
        }
        producer.flush();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
