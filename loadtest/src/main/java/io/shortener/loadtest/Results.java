package io.shortener.loadtest;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a run measured. Latencies are in microseconds, from the intended send time in the open model
 * (so a stalled server is charged for every request it kept waiting: no coordinated omission), from the
 * actual send time in the closed model.
 */
final class Results {

    /** Up to an hour, 3 significant digits. */
    final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
    final Histogram intervalMicros = new Histogram(3_600_000_000L, 3);
    final Map<Integer, Long> errorStatuses = new TreeMap<>();
    long completed;
    long succeeded;
    long transportErrors;
    long unsent;
    long measuredNanos;
    /** CPU time the hypervisor took from this machine while the run was measured (all CPUs), -1 where unknown. */
    long hostStealMillis = -1;
    /** CPU-seconds the measured server used while the run was measured; -1 when no server was named. */
    double serverCpuSeconds = -1;

    void recordResponse(long latencyNanos, boolean success, int status) {
        long micros = Math.max(1, latencyNanos / 1000);
        latencyMicros.recordValue(Math.min(micros, latencyMicros.getHighestTrackableValue()));
        intervalMicros.recordValue(Math.min(micros, intervalMicros.getHighestTrackableValue()));
        completed++;
        if (success) {
            succeeded++;
        } else {
            errorStatuses.merge(status, 1L, Long::sum);
        }
    }

    void recordTransportError() {
        transportErrors++;
    }

    long errors() {
        return completed - succeeded + transportErrors + unsent;
    }

    double achievedRate() {
        return measuredNanos == 0 ? 0 : completed * 1e9 / measuredNanos;
    }
}
