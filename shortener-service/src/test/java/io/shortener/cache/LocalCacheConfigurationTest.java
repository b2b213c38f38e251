package io.shortener.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalCacheConfigurationTest {

    private final ObjectMapper json = Jackson.newObjectMapper();
    private final Validator validator = Validators.newValidator();

    @Test
    void refreshesAtHalfTheTtlUnlessTold() {
        LocalCacheConfiguration config = config(Map.of("ttl", "1ms"));

        assertThat(validator.validate(config)).isEmpty();
        assertThat(config.refreshAfter()).isEqualTo(Duration.ofNanos(500_000));
    }

    @Test
    void takesARefreshAgeShorterThanTheTtl() {
        LocalCacheConfiguration config = config(Map.of("ttl", "60s", "refreshAfter", "45s"));

        assertThat(validator.validate(config)).isEmpty();
        assertThat(config.refreshAfter()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void refusesARefreshAgeTheEntryWouldNotLiveTo() {
        assertThat(validator.validate(config(Map.of("ttl", "10s", "refreshAfter", "30s"))))
                .extracting(violation -> violation.getMessage())
                .containsExactly("refreshAfter must be positive and shorter than ttl (an entry would expire before it is refreshed)");
    }

    private LocalCacheConfiguration config(Map<String, String> yaml) {
        return json.convertValue(yaml, LocalCacheConfiguration.class);
    }
}
