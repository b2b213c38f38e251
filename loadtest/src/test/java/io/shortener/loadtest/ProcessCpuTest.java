package io.shortener.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void countsAtLeastTheCpuTimeOneOfItsThreadsSpent() {
        ProcessCpu self = new ProcessCpu("this test", ProcessHandle.current().pid());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double before = self.seconds();
        long threadStart = threads.getCurrentThreadCpuTime();
        long spins = 0;
        // Spins until this thread has had 200 ms of CPU, however long a busy machine takes to give it.
        while (threads.getCurrentThreadCpuTime() - threadStart < 200_000_000L) {
            spins++;
        }

        assertThat(spins).isPositive();
        // /proc counts in 10 ms ticks: allow two of them.
        assertThat(self.seconds() - before).isGreaterThanOrEqualTo(0.18);
    }

    @Test
    void aProcessThatHasGoneCountsAsNothing() {
        assertThat(new ProcessCpu("gone", Long.MAX_VALUE / 2).seconds()).isZero();
    }
}
