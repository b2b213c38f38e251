package io.shortener.click;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.shortener.clickevent.ClickEvent;
import io.shortener.clickevent.ClickEventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From redirects to Kafka without slowing a redirect, and without losing a click when the service
 * dies: {@link #record} gives the click its event id and appends it to a {@link ClickJournal} (a copy
 * into memory-mapped pages; no system call), and the redirect answers. There are a few journals
 * (stripes), each taking the clicks of its share of the request threads. One sending thread reads the
 * journals in turn, enriches and encodes the clicks, sends a batch to the producer (acks=all, idempotent),
 * waits for Kafka to acknowledge all of it, and then commits the batch's end in the journal. The
 * sending thread runs niced ({@link SenderPriority}): on a saturated machine redirects come first, and
 * clicks wait in the journal.
 *
 * <p>While Kafka is away, nothing is committed: clicks wait in the journal (up to its size cap, past
 * which they are counted in {@code clicks.dropped}), and once a second the thread tries the oldest
 * unacknowledged batch again. After a crash the new process starts from the last commit. Delivery is at
 * least once, and a click sent twice (a batch acknowledged just before a crash, or half-written when
 * Kafka went away) is the same event, with the same id, which the analytics job counts once.
 */
public final class ClickPipeline implements ClickRecorder, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ClickPipeline.class);
    private static final int BATCH = 2048;
    // Between partial batches the sender waits: at 10,000 clicks/s that is one produce request of ~500
    // events every 50 ms instead of one of ~20 every 2 ms, which cost the broker (a request, a fetch by
    // the job, an ack, each) more CPU than the events themselves. A click waits at most this long more.
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Longer than the producer's delivery timeout (ClickConfiguration), which should fail a record first. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);
    private static final long FORCE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final List<Stripe> stripes;
    private final LongSupplier eventIds;
    private final ClickEnricher enricher;
    private final Producer<String, String> producer;
    private final String topic;
    private final int senderNice;
    private final Counter sent;
    private final Counter resent;
    private final Counter dropped;
    private final Counter enrichmentFailures;
    private volatile boolean kafkaUp = true;
    private volatile boolean running;
    private volatile Thread sender;
    private long lastDropLogNanos;

    public ClickPipeline(List<ClickJournal> journals, LongSupplier eventIds, ClickEnricher enricher, Producer<String, String> producer,
                         String topic, int senderNice, MetricRegistry metrics) {
        if (journals.isEmpty()) {
            throw new IllegalArgumentException("at least one journal");
        }
        this.stripes = journals.stream().map(Stripe::new).toList();
        this.eventIds = eventIds;
        this.enricher = enricher;
        this.producer = producer;
        this.topic = topic;
        this.senderNice = senderNice;
        this.sent = metrics.counter("clicks.sent");
        this.resent = metrics.counter("clicks.resent");
        this.enrichmentFailures = metrics.counter("clicks.enrichment-failures");
        this.dropped = metrics.counter("clicks.dropped");
        metrics.register("clicks.pending-bytes", (Gauge<Long>) this::pendingBytes);
        metrics.register("clicks.kafka", (Gauge<String>) () -> kafkaUp ? "UP" : "AWAY");
        metrics.register("clicks.kafka-up", (Gauge<Integer>) () -> kafkaUp ? 1 : 0);
    }

    @Override
    public void record(RawClick click) {
        // The journal never holds the full address: only its anonymised form is needed, and it is on disk.
        RawClick anonymised = click.withClientAddress(VisitorIds.anonymise(click.clientAddress()));
        // A thread keeps to one journal: its clicks stay in order, and threads seldom meet at a lock.
        ClickJournal journal = stripes.get((int) (Thread.currentThread().getId() % stripes.size())).journal;
        if (!journal.append(eventIds.getAsLong(), anonymised)) {
            dropped.inc();
            logDrop();
        }
    }

    public boolean isKafkaUp() {
        return kafkaUp;
    }

    public long pendingBytes() {
        return stripes.stream().mapToLong(stripe -> stripe.journal.pendingBytes()).sum();
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
        sender.join(15_000);
        producer.close(Duration.ofSeconds(5));
        stripes.forEach(stripe -> stripe.journal.close());
    }

    private void run() {
        LOG.info("the click sender {}", SenderPriority.lowerCurrentThread(senderNice));
        long nextForce = System.nanoTime() + FORCE_NANOS;
        while (running) {
            try {
                Sent worst = Sent.FULL_BATCH;
                for (Stripe stripe : stripes) {
                    Sent outcome = sendNext(stripe);
                    worst = outcome.compareTo(worst) > 0 ? outcome : worst;
                    if (outcome == Sent.REFUSED) {
                        break;
                    }
                }
                // More waiting: go on at once. Less than a batch: gather. Kafka away: try again later.
                if (worst != Sent.FULL_BATCH) {
                    LockSupport.parkNanos(worst == Sent.REFUSED ? RETRY_NANOS : GATHER_NANOS);
                }
                if (System.nanoTime() - nextForce >= 0) {
                    stripes.forEach(stripe -> stripe.journal.force());
                    nextForce = System.nanoTime() + FORCE_NANOS;
                }
            } catch (Throwable e) {
                // Whatever it was (an Error too), the clicks are in the journal: start again from the last acknowledged one.
                LOG.error("click sender failed; trying again from the last acknowledged click", e);
                stripes.forEach(stripe -> stripe.journal.rewind());
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
        drain();
    }

    /** What sending a stripe's next batch came to, from the best case to the worst. */
    private enum Sent {
        /** A whole batch: more may be waiting. */
        FULL_BATCH,
        /** Less than a batch, or nothing. */
        PART_BATCH,
        /** Kafka did not take it: the stripe reads it again next time. */
        REFUSED
    }

    /** Sends the stripe's next batch and commits it once Kafka has acknowledged it. */
    private Sent sendNext(Stripe stripe) {
        ClickJournal journal = stripe.journal;
        List<ClickJournal.Entry> batch = journal.read(BATCH);
        if (batch.isEmpty()) {
            stripe.resending = false;
            journal.commitSkipped();
            return Sent.PART_BATCH;
        }
        if (!send(batch)) {
            journal.rewind();
            stripe.resending = true;
            return Sent.REFUSED;
        }
        journal.commit(batch.get(batch.size() - 1).next());
        sent.inc(batch.size());
        if (stripe.resending) {
            resent.inc(batch.size());
        }
        markUp();
        return batch.size() == BATCH ? Sent.FULL_BATCH : Sent.PART_BATCH;
    }

    /** On a clean stop: what the journals still hold is sent, if Kafka takes it; the rest waits for the next start. */
    private void drain() {
        for (Stripe stripe : stripes) {
            while (sendNext(stripe) == Sent.FULL_BATCH) {
                // A part batch was the stripe's last; a refused one waits in its journal.
            }
        }
    }

    /**
     * Sends a batch and waits until Kafka has acknowledged every event of it; false if any was not. The
     * wait is bounded by the pipeline, not left to the producer ({@code flush()} has no bound of its own),
     * and a send that fails at once ends the batch: with the broker stopped, each send of a batch could
     * wait a second for metadata, so a batch of 300 clicks up to 300 s (CI saw the sender silent for 40 s
     * while the health check still said Kafka was up).
     */
    private boolean send(List<ClickJournal.Entry> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        try {
            for (ClickJournal.Entry entry : batch) {
                String line = ClickEventJson.write(enriched(entry));
                // Keyed by code, so one link's clicks stay in order in one partition.
                Future<RecordMetadata> ack = producer.send(new ProducerRecord<>(topic, entry.click().code(), line));
                // No metadata within max.block.ms comes back as a future already failed, not as an exception:
                // going on would wait max.block.ms for every click of the batch (minutes for a full one).
                if (ack.isDone()) {
                    ack.get();
                }
                acks.add(ack);
            }
        } catch (ExecutionException e) {
            markDown(e.getCause().getMessage());
            return false;
        } catch (KafkaException | IllegalStateException e) {
            // Kafka away, or the producer closed under a stop.
            markDown(e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        long deadline = System.nanoTime() + ACK_WAIT.toNanos();
        int failures = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failures++;
            } catch (TimeoutException e) {
                markDown("no acknowledgement within " + ACK_WAIT.toSeconds() + " s");
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (failures > 0) {
            markDown(failures + " of " + batch.size() + " events not acknowledged");
            return false;
        }
        return true;
    }

    private ClickEvent enriched(ClickJournal.Entry entry) {
        try {
            return enricher.enrich(entry.eventId(), entry.click());
        } catch (RuntimeException | StackOverflowError e) {
            enrichmentFailures.inc();
            LOG.warn("could not enrich a click of {} ({}); sent with its own fields only", entry.click().code(), e.toString());
            return enricher.bare(entry.eventId(), entry.click());
        }
    }

    /** Whether the sending thread still runs: the health check's concern if it ever stops. */
    public boolean isSenderAlive() {
        Thread thread = sender;
        return thread != null && thread.isAlive();
    }

    private void markUp() {
        if (!kafkaUp) {
            LOG.info("Kafka takes click events again; the clicks that waited are sent");
            kafkaUp = true;
        }
    }

    private void markDown(String why) {
        if (kafkaUp) {
            LOG.warn("Kafka is not taking click events ({}); they wait in the journal until it does", why);
        }
        kafkaUp = false;
    }

    private void logDrop() {
        long now = System.nanoTime();
        if (now - lastDropLogNanos > TimeUnit.SECONDS.toNanos(10)) {
            lastDropLogNanos = now;
            LOG.error("dropping click events: a journal is full ({} bytes waiting for Kafka); clicks.dropped counts them",
                    pendingBytes());
        }
    }

    /** One journal and whether what it sends now was sent before (a previous process's, or a failed batch). */
    private static final class Stripe {
        private final ClickJournal journal;
        // Whatever a previous process appended and Kafka never acknowledged comes first.
        private boolean resending;

        Stripe(ClickJournal journal) {
            this.journal = journal;
            this.resending = journal.pendingBytes() > 0;
        }
    }
}
