package io.shortener.loadtest;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The same-run baselines for Cassandra: how fast the same node takes plain inserts of link-sized rows
 * (~600 bytes), and point reads of them, from a driver-only client, prepared and async with a fixed
 * number in flight. Rows are keyed by their sequence number, so reads find what the inserts wrote.
 */
final class CassandraBaseline {

    /** One measured run: operations completed, and how many of them were then read back or written. */
    record Result(String operation, long done, long errors, double seconds, double nodeCpuSeconds, Histogram latencyMicros) {

        double perSecond() {
            return done / seconds;
        }
    }

    private final String contactPoint;
    private final String datacenter;
    private final Duration duration;
    private final int inFlight;
    private final int rowBytes;
    private final PrintStream out;
    private final Optional<ProcessCpu> node;
    private long rowsWritten;

    CassandraBaseline(String contactPoint, String datacenter, Duration duration, int inFlight, int rowBytes, PrintStream out) {
        this(contactPoint, datacenter, duration, inFlight, rowBytes, out, Optional.empty());
    }

    /** With the node's process, whose CPU time over the measured period each result then carries. */
    CassandraBaseline(String contactPoint, String datacenter, Duration duration, int inFlight, int rowBytes, PrintStream out,
                      Optional<ProcessCpu> node) {
        this.node = node;
        this.contactPoint = contactPoint;
        this.datacenter = datacenter;
        this.duration = duration;
        this.inFlight = inFlight;
        this.rowBytes = rowBytes;
        this.out = out;
    }

    static CassandraBaseline of(Options options) {
        return new CassandraBaseline(options.text("contact-point", "127.0.0.1:19042"), options.text("dc", "dc1"),
                options.duration("duration", "20s"), options.integer("in-flight", 32), options.integer("row-bytes", 600), System.out);
    }

    /** Inserts per second over the measured period. */
    double run() throws InterruptedException {
        return inserts().perSecond();
    }

    Result inserts() throws InterruptedException {
        try (CqlSession session = connect()) {
            PreparedStatement insert = session.prepare(
                    "INSERT INTO loadtest_baseline.rows (code, id, url, created_at, redirect_type) VALUES (?, ?, ?, ?, ?)");
            String url = "https://example.com/" + "x".repeat(Math.max(0, rowBytes - 60));
            Result result = drive(session, "inserts", i -> insert.bind(key(i), i, url, Instant.now(), 302));
            rowsWritten = Math.max(rowsWritten, result.done());
            return result;
        }
    }

    /** Point reads by key, spread uniformly over the rows {@link #inserts()} wrote in this run. */
    Result reads() throws InterruptedException {
        if (rowsWritten == 0) {
            throw new IllegalStateException("nothing to read: run the inserts first");
        }
        SplittableRandom random = new SplittableRandom(42);
        try (CqlSession session = connect()) {
            PreparedStatement select = session.prepare("SELECT code, id, url, created_at, redirect_type FROM loadtest_baseline.rows WHERE code = ?");
            return drive(session, "reads", i -> select.bind(key(random.nextLong(rowsWritten))));
        }
    }

    private static String key(long sequence) {
        return "row-" + sequence;
    }

    private CqlSession connect() {
        int colon = contactPoint.lastIndexOf(':');
        CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1))))
                .withLocalDatacenter(datacenter)
                .build();
        session.execute("CREATE KEYSPACE IF NOT EXISTS loadtest_baseline WITH replication = "
                + "{'class': 'NetworkTopologyStrategy', '" + datacenter + "': 1}");
        // The same compaction as the links table, so the two paths differ only in who sends the rows.
        session.execute("CREATE TABLE IF NOT EXISTS loadtest_baseline.rows (code text PRIMARY KEY, id bigint, url text, "
                + "created_at timestamp, redirect_type int) WITH compaction = {'class': 'UnifiedCompactionStrategy'}");
        return session;
    }

    /** Five seconds unmeasured, then {@code duration} measured, with {@code inFlight} statements outstanding. */
    private Result drive(CqlSession session, String operation, LongFunction<BoundStatement> statement) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long end = warmEnd + duration.toNanos();
        double cpuAtWarmEnd = Double.NaN;
        for (long i = 0; System.nanoTime() < end; i++) {
            permits.acquire();
            long sent = System.nanoTime();
            boolean measured = sent >= warmEnd;
            if (measured && Double.isNaN(cpuAtWarmEnd)) {
                cpuAtWarmEnd = node.map(ProcessCpu::seconds).orElse(0.0);
            }
            session.executeAsync(statement.apply(i)).whenComplete((result, error) -> {
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
        double cpuSpent = node.map(ProcessCpu::seconds).orElse(Double.NaN) - cpuAtWarmEnd;
        Result result = new Result(operation, done.get(), errors.get(), duration.toNanos() / 1e9, cpuSpent, latency);
        out.printf(Locale.ROOT, "cassandra-%s: %d rows of ~%d bytes in %.0f s = %.0f/s at %d in flight, %d errors; "
                        + "latency ms p50 %.2f p99 %.2f max %.2f%n", operation, result.done(), rowBytes, result.seconds(),
                result.perSecond(), inFlight, result.errors(), latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
        return result;
    }
}
