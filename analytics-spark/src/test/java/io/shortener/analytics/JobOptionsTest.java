package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    @Test
    void aCheckpointOnSharedStorageIsKeptAsItsUri() {
        assertThat(JobOptions.parse("--checkpoint", "hdfs:///shortener/checkpoints/clicks").checkpoint())
                .isEqualTo("hdfs:///shortener/checkpoints/clicks");
    }

    @Test
    void aLocalCheckpointIsMadeAbsolute() {
        assertThat(JobOptions.parse("--checkpoint", "checkpoint/clicks").checkpoint())
                .isEqualTo(Path.of("checkpoint/clicks").toAbsolutePath().toString());
    }

    @Test
    void readsTheWholeTopicUnlessToldWhereToStart() {
        assertThat(JobOptions.parse().startingOffsets()).isEqualTo("earliest");
        assertThat(JobOptions.parse("--starting-offsets", "{\"clicks\":{\"0\":12}}").startingOffsets()).isEqualTo("{\"clicks\":{\"0\":12}}");
    }

    @Test
    void readsOneKafkaClusterPerSemicolonSeparatedListOfBrokers() {
        assertThat(JobOptions.parse().kafkaClusters()).containsExactly("127.0.0.1:19092");
        assertThat(JobOptions.parse("--bootstrap-servers", "127.0.1.1:19092,127.0.1.2:19092; 127.0.1.4:19092").kafkaClusters())
                .containsExactly("127.0.1.1:19092,127.0.1.2:19092", "127.0.1.4:19092");
    }

    @Test
    void refusesAnOptionItDoesNotKnow() {
        assertThatThrownBy(() -> JobOptions.parse("--checkpoints", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage");
    }
}
