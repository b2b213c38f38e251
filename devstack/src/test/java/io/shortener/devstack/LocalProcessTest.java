package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessTest {

    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void startsAProcessRecordsItsPidAndStopsIt() throws Exception {
        ProcessSpec spec = sleeper("a");

        LocalProcess process = LocalProcess.start(spec, GRACE);
        process.awaitReady("started", Duration.ofSeconds(20), () -> logContains(spec, "sleeper started"));

        assertThat(process.isAlive()).isTrue();
        assertThat(Files.readString(spec.pidFile()).trim()).isEqualTo(Long.toString(process.pid()));
        process.stop(GRACE);
        assertThat(process.isAlive()).isFalse();
        assertThat(spec.pidFile()).doesNotExist();
    }

    @Test
    void aProcessLeftByAKilledRunIsFoundByItsPidFileAndStopped() {
        ProcessSpec spec = sleeper("left-over");
        LocalProcess leftOver = LocalProcess.start(spec, GRACE);

        // A new run knows nothing but the pid file.
        assertThat(LocalProcess.attach("sleeper", spec.pidFile(), spec.marker(), spec.logFile())).isPresent();
        assertThat(LocalProcess.stopRecorded(spec.pidFile(), spec.marker(), GRACE)).isTrue();

        assertThat(leftOver.isAlive()).isFalse();
    }

    @Test
    void startingAgainReplacesTheLeftOverInsteadOfRunningTwo() {
        ProcessSpec spec = sleeper("twice");
        LocalProcess first = LocalProcess.start(spec, GRACE);

        LocalProcess second = LocalProcess.start(spec, GRACE);
        try {
            assertThat(first.isAlive()).isFalse();
            assertThat(second.isAlive()).isTrue();
        } finally {
            second.stop(GRACE);
        }
    }

    @Test
    void aPidFileNamingSomeoneElsesProcessIsNeverActedOn() throws Exception {
        Path pidFile = dir.resolve("stranger.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        assertThat(LocalProcess.stopRecorded(pidFile, "-Dshortener.devstack=" + dir.resolve("nobody"), GRACE)).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aStalePidFileOfADeadProcessIsIgnored() throws Exception {
        Path pidFile = dir.resolve("dead.pid");
        Files.writeString(pidFile, "999999999");

        assertThat(LocalProcess.attach("dead", pidFile, "marker", dir.resolve("log"))).isEmpty();
        assertThat(LocalProcess.stopRecorded(pidFile, "marker", GRACE)).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void waitingForReadinessFailsAtOnceWithTheLogWhenTheProcessDies() {
        ProcessSpec spec = sleeper("dies", "exit");
        LocalProcess process = LocalProcess.start(spec, GRACE);

        long started = System.nanoTime();
        assertThatThrownBy(() -> process.awaitReady("ready", Duration.ofMinutes(2), () -> false))
                .hasMessageContaining("exited before ready")
                .hasMessageContaining("sleeper giving up");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void waitingForReadinessGivesUpAfterTheTimeout() {
        ProcessSpec spec = sleeper("slow");
        LocalProcess process = LocalProcess.start(spec, GRACE);
        try {
            assertThatThrownBy(() -> process.awaitReady("ready", Duration.ofMillis(300), () -> false))
                    .hasMessageContaining("was not ready within");
        } finally {
            process.stop(GRACE);
        }
    }

    @Test
    void aSpecMustCarryItsMarkerInTheCommandLine() {
        assertThatThrownBy(() -> new ProcessSpec("x", List.of("java", "-version"), dir, dir.resolve("log"),
                dir.resolve("pid"), "-Dmissing", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ProcessSpec sleeper(String name, String... args) {
        String marker = "-Dshortener.devstack=" + dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(
                ForkedJvm.java(), marker,
                "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()));
        command.addAll(List.of(args));
        return new ProcessSpec(name, command, dir.resolve(name), dir.resolve(name + "/out.log"),
                dir.resolve(name + "/pid"), marker, Map.of());
    }

    private static boolean logContains(ProcessSpec spec, String text) {
        try {
            return Files.exists(spec.logFile()) && Files.readString(spec.logFile()).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
