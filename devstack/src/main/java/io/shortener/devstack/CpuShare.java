package io.shortener.devstack;

import java.util.Locale;

/**
 * How much of the machine a process may take while others want the CPU. A foreground process (the
 * service, its Cassandra, Redis, Kafka) competes as usual. A background process (the analytics job)
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

    /**
     * From a setting: {@code foreground} (no isolation), {@code background} (idle time, no cap), or
     * {@code background:<cores>} (idle time, at most that many cores).
     */
    public static CpuShare parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("foreground")) {
            return FOREGROUND;
        }
        if (value.equals("background")) {
            return background(0);
        }
        if (value.startsWith("background:")) {
            try {
                return background(Double.parseDouble(value.substring("background:".length())));
            } catch (NumberFormatException e) {
                // Falls through to the message below.
            }
        }
        throw new IllegalArgumentException("a CPU share is foreground, background or background:<cores>, not '" + text + "'");
    }

    public boolean isForeground() {
        return !idle && weight == 100 && maxCores == 0;
    }

    /** v1's cpu.shares for this weight (1024 = a normal process; the kernel's minimum is 2). */
    long v1Shares() {
        return Math.max(2, Math.round(weight * 1024.0 / 100));
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
