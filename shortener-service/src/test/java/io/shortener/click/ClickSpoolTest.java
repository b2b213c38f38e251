package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickSpoolTest {

    @TempDir
    Path dir;

    @Test
    void replaysEverythingInTheOrderItWasSpooledAndThenIsEmpty() throws Exception {
        try (ClickSpool spool = new ClickSpool(dir, 1 << 20)) {
            spool.append(List.of("{\"n\":1}", "{\"n\":2}"));
            spool.append(List.of("{\"n\":3}"));
            List<String> sent = new ArrayList<>();

            long replayed = spool.replay(sent::add, () -> { });

            assertThat(replayed).isEqualTo(3);
            assertThat(sent).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
            assertThat(spool.hasPending()).isFalse();
        }
    }

    @Test
    void aFailedReplayKeepsEverythingForTheNextTry() throws Exception {
        try (ClickSpool spool = new ClickSpool(dir, 1 << 20)) {
            spool.append(List.of("a", "b"));

            assertThatThrownBy(() -> spool.replay(line -> { }, () -> {
                throw new IllegalStateException("Kafka is away");
            })).hasMessage("Kafka is away");

            List<String> sent = new ArrayList<>();
            spool.replay(sent::add, () -> { });
            assertThat(sent).containsExactly("a", "b");
        }
    }

    @Test
    void whatWasSpooledSurvivesARestart() throws Exception {
        try (ClickSpool spool = new ClickSpool(dir, 1 << 20)) {
            spool.append(List.of("before-restart"));
        }
        try (ClickSpool reopened = new ClickSpool(dir, 1 << 20)) {
            reopened.append(List.of("after-restart"));
            List<String> sent = new ArrayList<>();

            reopened.replay(sent::add, () -> { });

            assertThat(sent).containsExactly("before-restart", "after-restart");
        }
    }

    @Test
    void refusesWhatWouldGoPastTheCap() throws Exception {
        try (ClickSpool spool = new ClickSpool(dir, 1024)) {
            List<String> lines = IntStream.range(0, 100).mapToObj(i -> "x".repeat(99)).toList();

            int written = spool.append(lines);

            assertThat(written).isEqualTo(10);
            assertThat(spool.pendingBytes()).isEqualTo(1000);
            assertThat(spool.append(List.of("y".repeat(99)))).isZero();
        }
    }
}
