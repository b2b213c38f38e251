package io.shortener.snowflake;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues unique, strictly increasing 64-bit IDs without coordination: timestamp | region | machine |
 * sequence. Thread-safe and lock-free: the last issued (timestamp, sequence) pair is one packed
 * {@code long} advanced by compare-and-set, so contended threads never block each other.
 *
 * <p>When a millisecond's sequence is used up the generator spins until the next millisecond. When the
 * wall clock steps backwards it waits for the clock to catch up, for at most
 * {@link SnowflakeSettings#maxClockBackwards()}, then throws {@link ClockMovedBackwardsException}: it
 * never issues an ID equal to or lower than one it has already issued.
 */
public final class SnowflakeGenerator {

    private final SnowflakeSettings settings;
    private final IdLayout layout;
    private final MillisClock clock;
    private final long epochMillis;
    private final long maxBackwardsMillis;
    private final long nodeBits;
    private final int sequenceBits;
    private final long sequenceMask;
    /** (milliseconds since epoch << sequenceBits) | sequence of the last ID issued. */
    private final AtomicLong last = new AtomicLong();

    public SnowflakeGenerator(SnowflakeSettings settings, MillisClock clock) {
        this.settings = settings;
        this.layout = settings.layout();
        this.clock = clock;
        this.epochMillis = settings.epoch().toEpochMilli();
        this.maxBackwardsMillis = settings.maxClockBackwards().toMillis();
        this.nodeBits = layout.compose(0, settings.region(), settings.machine(), 0);
        this.sequenceBits = layout.sequenceBits();
        this.sequenceMask = layout.maxSequence();
    }

    public SnowflakeGenerator(SnowflakeSettings settings) {
        this(settings, MillisClock.SYSTEM);
    }

    public SnowflakeSettings settings() {
        return settings;
    }

    public long nextId() {
        long waitStartedNanos = 0;
        while (true) {
            long previous = last.get();
            long previousTick = previous >>> sequenceBits;
            long now = tick();
            long next;
            if (now > previousTick) {
                next = now << sequenceBits;
            } else if (now == previousTick && (previous & sequenceMask) < sequenceMask) {
                next = previous + 1;
            } else {
                // Either this millisecond's sequence is used up, or the clock is behind the last ID.
                long behind = previousTick - now;
                if (behind > maxBackwardsMillis) {
                    throw new ClockMovedBackwardsException(behind, maxBackwardsMillis);
                }
                if (behind > 0) {
                    if (waitStartedNanos == 0) {
                        waitStartedNanos = System.nanoTime();
                    } else if (System.nanoTime() - waitStartedNanos > TimeUnit.MILLISECONDS.toNanos(maxBackwardsMillis + 1)) {
                        throw new ClockMovedBackwardsException(behind, maxBackwardsMillis);
                    }
                }
                Thread.onSpinWait();
                continue;
            }
            if (last.compareAndSet(previous, next)) {
                return toId(next);
            }
        }
    }

    public SnowflakeId decompose(long id) {
        return new SnowflakeId(id, Instant.ofEpochMilli(epochMillis + layout.timestampOf(id)),
                layout.regionOf(id), layout.machineOf(id), layout.sequenceOf(id));
    }

    private long tick() {
        long now = clock.currentTimeMillis() - epochMillis;
        if (now < 0) {
            throw new IllegalStateException("the clock reads " + Instant.ofEpochMilli(clock.currentTimeMillis())
                    + ", before the ID epoch " + settings.epoch());
        }
        if (now > layout.maxTimestamp()) {
            throw new IllegalStateException("the ID epoch " + settings.epoch() + " is exhausted: "
                    + layout.timestampBits() + " timestamp bits cannot hold " + now + " ms");
        }
        return now;
    }

    private long toId(long packed) {
        return ((packed >>> sequenceBits) << layout.timestampShift()) | nodeBits | (packed & sequenceMask);
    }
}
