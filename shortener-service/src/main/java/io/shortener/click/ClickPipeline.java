package io.shortener.click;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.shortener.clickevent.ClickEventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From redirects to Kafka without slowing a redirect: {@link #record} only offers the raw click to a
 * bounded queue. One sending thread enriches and serialises the clicks and hands them to the producer
 * (acks=all, idempotent, batched, compressed). When Kafka cannot take them, events go to the
 * {@link ClickSpool} instead, and every event after them too, so that order is kept; once a second the
 * thread tries to replay the spool, oldest first, and sends directly again once it is empty.
 *
 * <p>Nothing is lost unless the queue overflows or the spool reaches its cap: both are counted in
 * {@code clicks.dropped} and logged. Delivery is at least once: a send that timed out as the broker went
 * away may still have been written, and is replayed from the spool too; so is a segment whose replay
 * failed half-way. Events carry unique ids, and the analytics job counts each id once.
 */
public final class ClickPipeline implements ClickRecorder, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ClickPipeline.class);
    private static final int BATCH = 1024;
    private static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ArrayBlockingQueue<RawClick> queue;
    private final ClickEnricher enricher;
    private final Producer<String, String> producer;
    private final ClickSpool spool;
    private final String topic;
    private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    private final Counter sent;
    private final Counter spooled;
    private final Counter replayed;
    private final Counter dropped;
    private volatile boolean kafkaUp = true;
    private volatile boolean running;
    private Thread sender;
    private long nextReplayNanos;
    private long lastDropLogNanos;

    public ClickPipeline(int queueCapacity, ClickEnricher enricher, Producer<String, String> producer,
                         ClickSpool spool, String topic, MetricRegistry metrics) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.enricher = enricher;
        this.producer = producer;
        this.spool = spool;
        this.topic = topic;
        this.sent = metrics.counter("clicks.sent");
        this.spooled = metrics.counter("clicks.spooled");
        this.replayed = metrics.counter("clicks.replayed");
        this.dropped = metrics.counter("clicks.dropped");
        metrics.register("clicks.queue", (Gauge<Integer>) queue::size);
        metrics.register("clicks.spool-bytes", (Gauge<Long>) spool::pendingBytes);
        metrics.register("clicks.kafka", (Gauge<String>) () -> kafkaUp ? "UP" : "SPOOLING");
    }

    @Override
    public void record(RawClick click) {
        if (!queue.offer(click)) {
            dropped.inc();
            logDrop("the click queue is full");
        }
    }

    public boolean isKafkaUp() {
        return kafkaUp;
    }

    public long spooledBytes() {
        return spool.pendingBytes();
    }

    @Override
    public void start() {
        running = true;
        sender = new Thread(this::run, "click-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        sender.join(10_000);
        try {
            producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(5));
            spool.close();
        }
    }

    private void run() {
        List<RawClick> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                RawClick first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                spoolFailedSends();
                if (!batch.isEmpty()) {
                    List<String> lines = serialise(batch);
                    batch.clear();
                    if (kafkaUp && !spool.hasPending()) {
                        send(lines);
                    } else {
                        toSpool(lines);
                    }
                }
                if ((!kafkaUp || spool.hasPending()) && System.nanoTime() - nextReplayNanos >= 0) {
                    replay();
                    nextReplayNanos = System.nanoTime() + PROBE_NANOS;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("click sender failed; continuing", e);
            }
        }
        spoolFailedSends();
    }

    private List<String> serialise(List<RawClick> clicks) {
        List<String> lines = new ArrayList<>(clicks.size());
        for (RawClick click : clicks) {
            lines.add(ClickEventJson.write(enricher.enrich(click)));
        }
        return lines;
    }

    private void send(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                producer.send(record(line), (metadata, error) -> {
                    if (error == null) {
                        sent.inc();
                    } else {
                        kafkaUp = false;
                        failed.add(line);
                    }
                });
            } catch (KafkaException e) {
                // No metadata within max.block.ms: Kafka is away. This event and the rest go to the spool.
                markDown(e);
                toSpool(lines.subList(i, lines.size()));
                return;
            }
        }
    }

    private void spoolFailedSends() {
        if (failed.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = failed.poll()) != null) {
            lines.add(line);
        }
        markDown(null);
        toSpool(lines);
    }

    private void toSpool(List<String> lines) {
        try {
            int written = spool.append(lines);
            spooled.inc(written);
            if (written < lines.size()) {
                dropped.inc(lines.size() - written);
                logDrop("the spool is full (" + spool.pendingBytes() + " bytes)");
            }
        } catch (IOException e) {
            dropped.inc(lines.size());
            logDrop("the spool cannot be written: " + e.getMessage());
        }
    }

    private void replay() {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            long count = spool.replay(line -> acks.add(producer.send(record(line))), () -> {
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(10, TimeUnit.SECONDS);
                }
                acks.clear();
            });
            replayed.inc(count);
            if (count > 0) {
                LOG.info("replayed {} spooled click events to Kafka", count);
            }
            kafkaUp = true;
        } catch (Exception e) {
            markDown(e);
        }
    }

    private void markDown(Exception cause) {
        if (kafkaUp) {
            LOG.warn("Kafka is not taking click events{}; spooling them until it does",
                    cause == null ? "" : " (" + cause.getMessage() + ")");
        }
        kafkaUp = false;
    }

    private ProducerRecord<String, String> record(String line) {
        // Keyed by code, so one link's clicks stay in order in one partition.
        return new ProducerRecord<>(topic, codeOf(line), line);
    }

    private static String codeOf(String line) {
        int start = line.indexOf("\"code\":\"") + 8;
        return line.substring(start, line.indexOf('"', start));
    }

    private void logDrop(String why) {
        long now = System.nanoTime();
        if (now - lastDropLogNanos > TimeUnit.SECONDS.toNanos(10)) {
            lastDropLogNanos = now;
            LOG.error("dropping click events: {} (clicks.dropped counts them)", why);
        }
    }
}
