package io.shortener.loadtest;

import java.io.IOException;
import java.time.Duration;

/**
 * The analytics job's throughput while it works off a backlog: events counted (its committed offsets)
 * per second and per CPU-second of its JVM (from /proc), between the first and the last batch it commits
 * in the window.
 */
final class JobThroughput {

    record Result(long events, double seconds, double cpuSeconds, long backlogLeft) {

        double eventsPerSecond() {
            return seconds == 0 ? 0 : events / seconds;
        }

        double eventsPerCpuSecond() {
            return cpuSeconds == 0 ? 0 : events / cpuSeconds;
        }
    }

    private final ClickBacklog backlog;
    private final ProcessCpu job;

    JobThroughput(ClickBacklog backlog, long jobPid) {
        this.backlog = backlog;
        this.job = new ProcessCpu("analytics job", jobPid);
    }

    /** Watches commits until the backlog is gone or {@code window} is over. */
    Result measure(Duration window) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        long firstCount = -1;
        long firstNanos = 0;
        double firstCpu = 0;
        long lastCount = -1;
        long lastNanos = 0;
        double lastCpu = 0;
        long seen = backlog.counted().orElse(-1);
        while (System.nanoTime() < deadline) {
            long counted = backlog.counted().orElse(-1);
            if (counted != seen) {
                double cpu = job.seconds();
                long now = System.nanoTime();
                if (firstCount < 0) {
                    firstCount = counted;
                    firstNanos = now;
                    firstCpu = cpu;
                }
                lastCount = counted;
                lastNanos = now;
                lastCpu = cpu;
                seen = counted;
                if (backlog.backlog() == 0) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        if (firstCount < 0 || lastCount == firstCount) {
            return new Result(0, 0, 0, backlog.backlog());
        }
        return new Result(lastCount - firstCount, (lastNanos - firstNanos) / 1e9, lastCpu - firstCpu, backlog.backlog());
    }
}
