package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClickConfigurationTest {

    private final ObjectMapper json = Jackson.newObjectMapper();
    private final Validator validator = Validators.newValidator();

    @Test
    void compressesClickBatchesWithLz4UnlessTold() {
        assertThat(compressionOf(new ClickConfiguration())).isEqualTo("lz4");
        assertThat(compressionOf(config(Map.of("compression", "zstd")))).isEqualTo("zstd");
    }

    @Test
    void refusesACodecKafkaDoesNotHave() {
        assertThat(validator.validate(config(Map.of("compression", "brotli"))))
                .extracting(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .containsExactly("compression must be none, gzip, snappy, lz4 or zstd");
    }

    private ClickConfiguration config(Map<String, String> yaml) {
        return json.convertValue(yaml, ClickConfiguration.class);
    }

    private static Object compressionOf(ClickConfiguration config) {
        return config.producerSettings("config-test").get(ProducerConfig.COMPRESSION_TYPE_CONFIG);
    }
}
