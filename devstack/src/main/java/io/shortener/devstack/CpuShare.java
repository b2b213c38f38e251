package io.shortener.devstack;

import java.util.Locale;

/**
 * How much of the machine a process may take while others want the CPU. A foreground process (the
 * service, its Cassandra, Redis) competes as usual. A weighted one (Kafka, ClickHouse: nothing a
 * redirect waits for) gets its weight's part of a contended CPU and all of a free one. A background
 * process (the analytics job)
 * runs only on what the foreground leaves ({@code idle}), and never on more than {@code maxCores} even
 * when the machine is free (0: no cap), so that it catches up when the load stops without a cap that
 * outlasts the load.
 *
 * <p>{@code weight} is cgroup v2's scale (1–10000, 100 = a normal process), used where the kernel has
 * no idle class for groups.
 */
public record CpuShare(boolean idle, int weight, double maxCores) {

    public static final CpuShare FOREGROUND = new CpuShare(false, 100, 0);

    public CpuShare {
        if (weight < 1 || weight > 10_000) {
            throw new IllegalArgumentException("weight is 1 to 10000, not " + weight);
        }
        if (maxCores < 0) {
            throw new IllegalArgumentException("maxCores is 0 (no cap) or more, not " + maxCores);
        }
    }

    /** Runs on idle time only, at most {@code maxCores} (0: no cap). */
    public static CpuShare background(double maxCores) {
        return new CpuShare(true, 1, maxCores);
    }

    /** Competes for the CPU like a process of this weight (100 = a normal one), without a cap. */
    public static CpuShare weighted(int weight) {
        return new CpuShare(false, weight, 0);
    }

    /**
     * From a setting: {@code foreground} (no isolation), {@code background} (idle time, no cap),
     * {@code background:<cores>} (idle time, at most that many cores) or {@code weight:<1-10000>} (a share
     * of a contended CPU, 100 being a normal process's).
     */
    public static CpuShare parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("foreground")) {
            return FOREGROUND;
        }
        if (value.equals("background")) {
            return background(0);
        }
        try {
            if (value.startsWith("background:")) {
                return background(Double.parseDouble(value.substring("background:".length())));
            }
            if (value.startsWith("weight:")) {
                return weighted(Integer.parseInt(value.substring("weight:".length())));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the message below (NumberFormatException is one).
        }
        throw new IllegalArgumentException(
                "a CPU share is foreground, background, background:<cores> or weight:<1-10000>, not '" + text + "'");
    }

    /** The share a variable of the environment names, or {@code fallback} where it is unset. */
    public static CpuShare fromEnvironment(String variable, CpuShare fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }

    public boolean isForeground() {
        return !idle && weight == 100 && maxCores == 0;
    }

    /** v1's cpu.shares for this weight (1024 = a normal process; the kernel's minimum is 2). */
    long v1Shares() {
        return Math.max(2, Math.round(weight * 1024.0 / 100));
    }

    /** The nice value whose weight comes nearest this one (0 to 19), where no group can be made. */
    int niceEquivalent() {
        if (weight >= 100) {
            return 0;
        }
        return (int) Math.min(19, Math.round(Math.log(100.0 / weight) / Math.log(1.25)));
    }

    /** The CFS quota per {@code periodMicros} (the cap), or -1 for none. */
    long quotaMicros(long periodMicros) {
        return maxCores == 0 ? -1 : Math.max(1000, Math.round(maxCores * periodMicros));
    }

    @Override
    public String toString() {
        if (isForeground()) {
            return "foreground";
        }
        String cap = maxCores == 0 ? "no cap" : String.format(Locale.ROOT, "at most %.2f cores", maxCores);
        return (idle ? "idle time only" : "weight " + weight) + ", " + cap;
    }
}
