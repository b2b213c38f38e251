package io.shortener.snowflake;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one generator. The layout's ceiling is 4,096 IDs per millisecond (4.096 M/s), so a
 * result near that means the generator costs nothing beyond waiting for the clock; the unbounded
 * layout variant (22 sequence bits) shows the raw cost of an ID, next to an atomic increment as the
 * same-run baseline. Run with {@code bin/shortener bench idgen}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnowflakeGeneratorBenchmark {

    private final AtomicLong counter = new AtomicLong();
    private final SnowflakeGenerator defaultLayout = new SnowflakeGenerator(SnowflakeSettings.of(1, 1));
    private final SnowflakeGenerator wideSequence = new SnowflakeGenerator(new SnowflakeSettings(
            new IdLayout(41, 0, 0, 22), SnowflakeSettings.DEFAULT_EPOCH, 0, 0, SnowflakeSettings.DEFAULT_MAX_CLOCK_BACKWARDS));

    /** Same-run baseline: the cheapest thread-safe unique number there is, one atomic increment. */
    @Benchmark
    @Threads(1)
    public long baselineAtomicIncrement() {
        return counter.incrementAndGet();
    }

    @Benchmark
    @Threads(1)
    public long oneThreadDefaultLayout() {
        return defaultLayout.nextId();
    }

    @Benchmark
    @Threads(2)
    public long twoThreadsDefaultLayout() {
        return defaultLayout.nextId();
    }

    @Benchmark
    @Threads(1)
    public long oneThreadWideSequence() {
        return wideSequence.nextId();
    }
}
