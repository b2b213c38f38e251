package io.shortener.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How busy the machine was just before a measurement: the kernel's load averages, and over a short
 * window the share of CPU time that was busy and that the hypervisor took (steal), from /proc/stat.
 * A benchmark on a shared machine is only comparable to another with its load beside it.
 */
record MachineLoad(double load1, double load5, double busy, double steal) {

    static MachineLoad sample(Duration window) throws IOException, InterruptedException {
        String[] loadavg = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        long[] before = cpuTimes();
        Thread.sleep(window.toMillis());
        long[] after = cpuTimes();
        // user nice system idle iowait irq softirq steal
        long total = 0;
        for (int i = 0; i < 8; i++) {
            total += after[i] - before[i];
        }
        long idle = (after[3] - before[3]) + (after[4] - before[4]);
        long steal = after[7] - before[7];
        return new MachineLoad(Double.parseDouble(loadavg[0]), Double.parseDouble(loadavg[1]),
                total == 0 ? 0 : (double) (total - idle - steal) / total, total == 0 ? 0 : (double) steal / total);
    }

    private static long[] cpuTimes() throws IOException {
        String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] fields = line.trim().split("\\s+");
        long[] times = new long[8];
        for (int i = 0; i < 8; i++) {
            times[i] = Long.parseLong(fields[i + 1]);
        }
        return times;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "load average %.2f (1 min), %.2f (5 min); CPU busy %.0f%%, stolen by the host %.0f%%",
                load1, load5, busy * 100, steal * 100);
    }
}
