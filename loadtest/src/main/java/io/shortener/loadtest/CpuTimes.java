package io.shortener.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's CPU time so far, all CPUs together, from the first line of /proc/stat, in clock ticks
 * (USER_HZ, 100 a second on Linux). Two readings give what a stretch of time was spent on; on a virtual
 * machine, steal is the time the hypervisor ran something else while this machine had work to do, which
 * reads as latency in every process at once.
 */
record CpuTimes(long busy, long idle, long steal) {

    private static final Path STAT = Path.of("/proc/stat");
    private static final long MILLIS_PER_TICK = 10;

    /** Now, or empty where there is no /proc/stat to read. */
    static Optional<CpuTimes> read() {
        try {
            return Optional.of(parse(Files.readAllLines(STAT).get(0)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code cpu} line: user nice system idle iowait irq softirq steal, then guest times already counted in user. */
    static CpuTimes parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        long[] ticks = new long[8];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Long.parseLong(fields[i + 1]);
        }
        return new CpuTimes(ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6], ticks[3] + ticks[4], ticks[7]);
    }

    long total() {
        return busy + idle + steal;
    }

    CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(busy - earlier.busy, idle - earlier.idle, steal - earlier.steal);
    }

    double busyShare() {
        return total() == 0 ? 0 : (double) busy / total();
    }

    double stealShare() {
        return total() == 0 ? 0 : (double) steal / total();
    }

    long stealMillis() {
        return steal * MILLIS_PER_TICK;
    }
}
