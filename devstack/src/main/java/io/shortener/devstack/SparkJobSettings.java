package io.shortener.devstack;

/**
 * How the analytics job runs locally: Spark's master (local mode, two threads), how often a micro-batch
 * starts, how long a duplicate event id is remembered, and the driver's heap.
 */
public record SparkJobSettings(String master, String trigger, String dedupWindow, String heap) {

    public static SparkJobSettings local() {
        return new SparkJobSettings("local[2]", "5 seconds", "1 hour", "768m");
    }

    public SparkJobSettings withTrigger(String trigger) {
        return new SparkJobSettings(master, trigger, dedupWindow, heap);
    }
}
