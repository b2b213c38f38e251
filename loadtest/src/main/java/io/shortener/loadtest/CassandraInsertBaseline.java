package io.shortener.loadtest;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The same-run baseline for creates: how fast the same Cassandra node takes plain inserts of
 * link-sized rows (~600 bytes) from a driver-only client, prepared and async with a fixed number in flight.
 */
final class CassandraInsertBaseline {

    private final String contactPoint;
    private final String datacenter;
    private final Duration duration;
    private final int inFlight;
    private final int rowBytes;
    private final PrintStream out;

    CassandraInsertBaseline(String contactPoint, String datacenter, Duration duration, int inFlight, int rowBytes, PrintStream out) {
        this.contactPoint = contactPoint;
        this.datacenter = datacenter;
        this.duration = duration;
        this.inFlight = inFlight;
        this.rowBytes = rowBytes;
        this.out = out;
    }

    static CassandraInsertBaseline of(Options options) {
        return new CassandraInsertBaseline(options.text("contact-point", "127.0.0.1:19042"), options.text("dc", "dc1"),
                options.duration("duration", "20s"), options.integer("in-flight", 32), options.integer("row-bytes", 600), System.out);
    }

    /** Inserts per second over the measured period. */
    double run() throws InterruptedException {
        int colon = contactPoint.lastIndexOf(':');
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1))))
                .withLocalDatacenter(datacenter)
                .build()) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS loadtest_baseline WITH replication = "
                    + "{'class': 'NetworkTopologyStrategy', '" + datacenter + "': 1}");
            // The same compaction as the links table, so the two write paths differ only in who sends the rows.
            session.execute("CREATE TABLE IF NOT EXISTS loadtest_baseline.rows (code text PRIMARY KEY, id bigint, url text, "
                    + "created_at timestamp, redirect_type int) WITH compaction = {'class': 'UnifiedCompactionStrategy'}");
            PreparedStatement insert = session.prepare(
                    "INSERT INTO loadtest_baseline.rows (code, id, url, created_at, redirect_type) VALUES (?, ?, ?, ?, ?)");
            String url = "https://example.com/" + "x".repeat(Math.max(0, rowBytes - 60));
            Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
            Semaphore permits = new Semaphore(inFlight);
            AtomicLong done = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            long warmEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            long end = warmEnd + duration.toNanos();
            long counted = 0;
            for (long i = 0; System.nanoTime() < end; i++) {
                permits.acquire();
                long sent = System.nanoTime();
                boolean measured = sent >= warmEnd;
                if (measured) {
                    counted++;
                }
                session.executeAsync(insert.bind(Long.toString(i, 36) + "-" + sent, i, url, Instant.now(), 302))
                        .whenComplete((result, error) -> {
                            if (measured) {
                                if (error != null) {
                                    errors.incrementAndGet();
                                } else {
                                    latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                                    done.incrementAndGet();
                                }
                            }
                            permits.release();
                        });
            }
            permits.acquire(inFlight);
            double rate = done.get() / (double) duration.toSeconds();
            out.printf(Locale.ROOT, "cassandra-inserts: %d rows of ~%d bytes in %.0f s = %.0f inserts/s at %d in flight, "
                            + "%d errors; latency ms p50 %.2f p99 %.2f max %.2f%n", done.get(), rowBytes, duration.toSeconds() * 1.0,
                    done.get() / (double) duration.toSeconds(), inFlight, errors.get() + (counted - done.get() - errors.get()),
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
            return rate;
        }
    }
}
