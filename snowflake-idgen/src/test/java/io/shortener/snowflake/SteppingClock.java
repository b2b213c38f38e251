package io.shortener.snowflake;

import java.util.ArrayDeque;
import java.util.Deque;

/** A clock that reads out a scripted sequence of times, then keeps reading the last one plus a step. */
final class SteppingClock implements MillisClock {

    private final Deque<Long> script = new ArrayDeque<>();
    private final long stepAfterScript;
    private long current;

    SteppingClock(long stepAfterScript, long... readings) {
        this.stepAfterScript = stepAfterScript;
        for (long reading : readings) {
            script.add(reading);
        }
        this.current = readings.length > 0 ? readings[0] : 0;
    }

    void enqueue(long reading, int times) {
        for (int i = 0; i < times; i++) {
            script.add(reading);
        }
    }

    @Override
    public synchronized long currentTimeMillis() {
        if (!script.isEmpty()) {
            current = script.poll();
        } else {
            current += stepAfterScript;
        }
        return current;
    }
}
