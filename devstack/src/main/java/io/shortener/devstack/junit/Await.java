package io.shortener.devstack.junit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting on an observable condition (a row, a health state, a node's view of the ring), never on the clock alone. */
public final class Await {

    private static final Duration BETWEEN_ASKS = Duration.ofMillis(200);

    private Await() {
    }

    /** Asks again until {@code done} holds for the answer, and returns it; fails with the last answer when the time is up. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s; last seen: " + value);
            }
            try {
                // Only between two asks: a tight loop would take the CPU from the servers it waits for.
                Thread.sleep(BETWEEN_ASKS.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
            value = probe.get();
        }
        return value;
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition::getAsBoolean, done -> done);
    }
}
