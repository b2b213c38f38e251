package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFormatTest {

    @TempDir
    Path dir;

    @Test
    void aNewCheckpointIsClaimedForTheCurrentStateAndResumedAfterwards() throws Exception {
        Path checkpoint = dir.resolve("clicks");
        new CheckpointFormat(checkpoint.toString(), new Configuration()).claim();
        Files.createDirectories(checkpoint.resolve("offsets"));

        new CheckpointFormat(checkpoint.toString(), new Configuration()).claim();

        assertThat(Files.readString(checkpoint.resolve("shortener-format"))).isEqualTo(CheckpointFormat.CURRENT + "\n");
    }

    @Test
    void refusesACheckpointOfAnEarlierVersionBeforeTheQueryStarts() throws Exception {
        Path checkpoint = dir.resolve("clicks");
        Files.createDirectories(checkpoint.resolve("offsets"));

        assertThatThrownBy(() -> new CheckpointFormat(checkpoint.toString(), new Configuration()).claim())
                .isInstanceOf(CheckpointFormat.IncompatibleCheckpoint.class)
                .hasMessageContaining("dropDuplicatesWithinWatermark").hasMessageContaining("--starting-offsets");
        assertThat(checkpoint.resolve("shortener-format")).doesNotExist();
    }

    @Test
    void refusesACheckpointClaimedForOtherState() throws Exception {
        Path checkpoint = dir.resolve("clicks");
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve("shortener-format"), "something-later\n");

        assertThatThrownBy(() -> new CheckpointFormat(checkpoint.toString(), new Configuration()).claim())
                .isInstanceOf(CheckpointFormat.IncompatibleCheckpoint.class).hasMessageContaining("something-later");
    }
}
