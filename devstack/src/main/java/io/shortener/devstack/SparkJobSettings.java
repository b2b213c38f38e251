package io.shortener.devstack;

/**
 * How the analytics job runs locally: Spark's master (local mode, two threads), how often a micro-batch
 * starts, how long a duplicate event id is remembered, the driver's heap, and the share of the CPU the
 * kernel holds it to; where it serves its Prometheus metrics ({@code host:port}), or null for nowhere; and
 * which JIT suits how long it will live.
 */
public record SparkJobSettings(String master, String trigger, String dedupWindow, String heap, CpuShare cpu, String metricsAddress,
                               Jit jit) {

    /** The job's JIT compilers, by how long the job lives. */
    public enum Jit {
        /**
         * C2 alone, without the tiered C1 stages: Spark generates and loads new classes every micro-batch, so a
         * long-running job's JIT never settles, and under load the tiered compilers took 30% of its CPU (BENCHMARKS.md).
         */
        LONG_RUNNING("-XX:-TieredCompilation"),
        /**
         * C1 alone: a job a test starts, kills and starts again lives minutes on shared cores, where waiting in the
         * interpreter for C2 cost it half its time (ClickAggregationJobIT: 134 s, 69 s with C1, one run each).
         */
        QUICK_START("-XX:TieredStopAtLevel=1");

        private final String option;

        Jit(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }
    }

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
        return new SparkJobSettings("local[2]", "2 seconds", "1 hour", "768m", CpuShare.fromEnvironment(CPU_VARIABLE, DEFAULT_CPU), null,
                Jit.LONG_RUNNING);
    }

    /** What the integration tests run: {@link #local()} with a micro-batch a second, started for minutes, not hours. */
    public static SparkJobSettings test() {
        return local().withTrigger("1 second").withJit(Jit.QUICK_START);
    }

    public SparkJobSettings withTrigger(String trigger) {
        return new SparkJobSettings(master, trigger, dedupWindow, heap, cpu, metricsAddress, jit);
    }

    /** The same job serving its metrics on {@code address}:{@value #METRICS_PORT}. */
    public SparkJobSettings withMetricsOn(String address) {
        return new SparkJobSettings(master, trigger, dedupWindow, heap, cpu, address + ":" + METRICS_PORT, jit);
    }

    public SparkJobSettings withJit(Jit jit) {
        return new SparkJobSettings(master, trigger, dedupWindow, heap, cpu, metricsAddress, jit);
    }
}
