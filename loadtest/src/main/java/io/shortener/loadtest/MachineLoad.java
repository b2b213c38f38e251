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
        CpuTimes before = CpuTimes.read().orElseThrow(() -> new IOException("/proc/stat cannot be read"));
        Thread.sleep(window.toMillis());
        CpuTimes spent = CpuTimes.read().orElseThrow(() -> new IOException("/proc/stat cannot be read")).since(before);
        return new MachineLoad(Double.parseDouble(loadavg[0]), Double.parseDouble(loadavg[1]), spent.busyShare(), spent.stealShare());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "load average %.2f (1 min), %.2f (5 min); CPU busy %.0f%%, stolen by the host %.0f%%",
                load1, load5, busy * 100, steal * 100);
    }
}
