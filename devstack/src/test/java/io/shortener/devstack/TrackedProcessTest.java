package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackedProcessTest {

    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    Path stack;

    @Test
    void aForkedJvmIsNamedByItsFolderAndKeepsItsFilesThere() {
        Path dir = stack.resolve("kafka-broker");

        TrackedProcess broker = TrackedProcess.jvm("kafka broker", dir, "kafka.pid", "logs/stdout.log", GRACE);

        assertThat(broker.marker()).isEqualTo("-Dshortener.devstack=" + dir);
        assertThat(broker.pidFile()).isEqualTo(dir.resolve("kafka.pid"));
        assertThat(broker.logFile()).isEqualTo(dir.resolve("logs/stdout.log"));
    }

    @Test
    void startsFindsStopsAndWipesItsProcess() throws Exception {
        TrackedProcess sleeper = sleeper("one");

        LocalProcess started = sleeper.start(sleeperCommand(sleeper), Map.of());

        assertThat(sleeper.running()).map(LocalProcess::pid).hasValue(started.pid());
        assertThat(sleeper.stop()).isTrue();
        assertThat(started.isAlive()).isFalse();
        assertThat(sleeper.running()).isEmpty();
        assertThat(sleeper.stop()).as("nothing left to stop").isFalse();
        sleeper.wipe();
        assertThat(sleeper.dir()).doesNotExist();
    }

    /** Two copies of one server (two regions' brokers) differ only in their folders, and never touch each other's process. */
    @Test
    void twoCopiesInTheirOwnFoldersAreTrackedApart() {
        TrackedProcess east = sleeper("us-east");
        TrackedProcess west = sleeper("eu-west");
        LocalProcess eastProcess = east.start(sleeperCommand(east), Map.of());
        LocalProcess westProcess = west.start(sleeperCommand(west), Map.of());
        try {
            assertThat(east.stop()).isTrue();

            assertThat(eastProcess.isAlive()).isFalse();
            assertThat(westProcess.isAlive()).isTrue();
            assertThat(west.running()).map(LocalProcess::pid).hasValue(westProcess.pid());
        } finally {
            west.stop();
        }
        assertThat(Files.exists(west.pidFile())).isFalse();
    }

    private TrackedProcess sleeper(String name) {
        return TrackedProcess.jvm("sleeper " + name, stack.resolve(name), "sleeper.pid", "out.log", GRACE);
    }

    private static List<String> sleeperCommand(TrackedProcess process) {
        return List.of(ForkedJvm.java(), process.marker(), "-cp", System.getProperty("java.class.path"), Sleeper.class.getName());
    }
}
