package io.shortener.devstack;

/**
 * How the analytics job runs locally: Spark's master (local mode, two threads), how often a micro-batch
 * starts, how long a duplicate event id is remembered, the driver's heap, and the share of the CPU the
 * kernel holds it to; where it serves its Prometheus metrics ({@code host:port}), or null for nowhere.
 */
public record SparkJobSettings(String master, String trigger, String dedupWindow, String heap, CpuShare cpu, String metricsAddress) {

    /** Where the job of a stack serves its metrics: the port beside the stack's other servers, on its address. */
    public static final int METRICS_PORT = 18095;

    /**
     * The variable that sets the job's CPU share: {@code background:1} by default (idle time only, at most
     * one core), {@code background} (idle time, no cap) or {@code foreground} (no isolation).
     */
    public static final String CPU_VARIABLE = "SHORTENER_ANALYTICS_CPU";

    /** On one machine the job shares the cores with the service: counts may lag, a redirect may not. */
    public static final CpuShare DEFAULT_CPU = CpuShare.background(1.0);

    public static SparkJobSettings local() {
        return new SparkJobSettings("local[2]", "2 seconds", "1 hour", "768m", CpuShare.fromEnvironment(CPU_VARIABLE, DEFAULT_CPU), null);
    }

    public SparkJobSettings withTrigger(String trigger) {
        return new SparkJobSettings(master, trigger, dedupWindow, heap, cpu, metricsAddress);
    }

    /** The same job serving its metrics on {@code address}:{@value #METRICS_PORT}. */
    public SparkJobSettings withMetricsOn(String address) {
        return new SparkJobSettings(master, trigger, dedupWindow, heap, cpu, address + ":" + METRICS_PORT);
    }
}
