package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCheckpointTest {

    @TempDir
    Path stack;

    @Test
    void countsTheEndOffsetsOfTheLastCommittedBatchOfTheTopic() throws Exception {
        AnalyticsJob job = new AnalyticsJob(ProjectHome.locate(), stack, SparkJobSettings.local());
        assertThat(job.progress().committedEvents("clicks")).as("no checkpoint yet").isEmpty();
        Path offsets = Files.createDirectories(job.checkpoint().resolve("offsets"));
        Path commits = Files.createDirectories(job.checkpoint().resolve("commits"));
        Files.writeString(offsets.resolve("7"), "v1\n{\"batchWatermarkMs\":0}\n{\"clicks\":{\"2\":10,\"1\":20,\"0\":30}}\n");
        Files.writeString(offsets.resolve("8"), "v1\n{\"batchWatermarkMs\":0}\n{\"clicks\":{\"2\":11,\"1\":21,\"0\":31}}\n");
        assertThat(job.progress().committedEvents("clicks")).as("batch 7 planned, not committed").isEmpty();

        Files.writeString(commits.resolve("7"), "v1\n{\"nextBatchWatermarkMs\":0}\n");
        Files.writeString(commits.resolve(".7.crc"), "");

        assertThat(job.progress().committedEvents("clicks")).as("batch 8 is planned but not committed").isEqualTo(OptionalLong.of(60));
        assertThat(job.progress().committedEvents("other")).isEmpty();
    }
}
