package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kernel holds a background process to its share: every thread of it is in its group from the
 * start, and a busy process over its cap is throttled. Needs a writable cgroup (root here, and in CI).
 */
@Tag("devstack")
class CpuIsolationIT {

    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aBackgroundProcessRunsInItsGroupAndIsThrottledAtItsCapWhileAForegroundOneIsNot() throws Exception {
        CpuIsolation.Applied probe = CpuIsolation.onThisMachine().prepare("shortener-it-probe", CpuShare.background(0.05));
        assumeTrue(probe.description().startsWith("cgroup"), "no writable cgroup here: " + probe.description());
        CpuIsolation.onThisMachine().release("shortener-it-probe");

        CpuIsolation isolation = CpuIsolation.onThisMachine();
        String group = ProcessSpec.cpuGroup(dir.resolve("capped/busy.pid"));
        Path groupDir = isolation.v1Group(group).or(() -> isolation.v2Group(group)).orElseThrow();
        LocalProcess background = LocalProcess.start(busyLoop("capped", CpuShare.background(0.05)), GRACE);
        LocalProcess foreground = LocalProcess.start(busyLoop("free", CpuShare.FOREGROUND), GRACE);
        try {
            assertThat(background.cpuShare()).startsWith("cgroup").contains(groupDir.toString()).contains("at most 0.05 cores");
            assertThat(foreground.cpuShare()).isEqualTo("no isolation (foreground)");
            // The process joins its group as its first act (before it execs its command): wait for that, then
            // nothing else may be in the group.
            background.awaitReady("in its group", Duration.ofSeconds(10), () -> procs(groupDir).equals(Long.toString(background.pid())));
            assertThat(procs(groupDir)).isEqualTo(Long.toString(background.pid()));

            // The kernel's own count of periods in which it stopped the group at its quota.
            background.awaitReady("throttled by the kernel", Duration.ofSeconds(30), () -> throttledPeriods(groupDir) > 0);
        } finally {
            background.stop(GRACE);
            foreground.stop(GRACE);
        }
        assertThat(groupDir).as("the group is removed with its process").doesNotExist();
    }

    @Test
    void aPausedProcessIsStoppedUntilResumedAndStillStopsCleanly() {
        LocalProcess process = LocalProcess.start(busyLoop("paused", CpuShare.FOREGROUND), GRACE);
        try {
            process.pause();
            process.awaitReady("paused", Duration.ofSeconds(10), process::isPaused);
            process.resume();
            process.awaitReady("running again", Duration.ofSeconds(10), () -> !process.isPaused());
            process.pause();
        } finally {
            process.stop(GRACE);
        }
        assertThat(process.isAlive()).isFalse();
    }

    private ProcessSpec busyLoop(String name, CpuShare cpu) {
        Path folder = dir.resolve(name);
        String marker = "shortener-busy-" + folder;
        return new ProcessSpec("busy " + name, List.of("/bin/sh", "-c", "while :; do :; done", marker), folder,
                folder.resolve("busy.log"), folder.resolve("busy.pid"), marker, Map.of(), cpu);
    }

    private static String procs(Path group) {
        try {
            return Files.readString(group.resolve("cgroup.procs"), StandardCharsets.UTF_8).strip();
        } catch (Exception e) {
            return "";
        }
    }

    private static long throttledPeriods(Path group) {
        try {
            return Files.readAllLines(group.resolve("cpu.stat")).stream()
                    .filter(line -> line.startsWith("nr_throttled "))
                    .mapToLong(line -> Long.parseLong(line.substring("nr_throttled ".length()).trim()))
                    .findFirst().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }
}
