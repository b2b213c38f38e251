package io.shortener.redirect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** The {@code redirects} section: how long browsers may keep a redirect before asking (and being counted) again. */
public class RedirectConfiguration {

    /** For 302 and 307: short, so a changed or deleted link takes effect soon. */
    @NotNull
    private Duration temporaryMaxAge = Duration.seconds(90);

    /** For 301 and 308: the creator asked for a permanent redirect; still bounded, so deletion takes effect eventually. */
    @NotNull
    private Duration permanentMaxAge = Duration.hours(1);

    @JsonProperty
    public Duration getTemporaryMaxAge() {
        return temporaryMaxAge;
    }

    @JsonProperty
    public void setTemporaryMaxAge(Duration temporaryMaxAge) {
        this.temporaryMaxAge = temporaryMaxAge;
    }

    @JsonProperty
    public Duration getPermanentMaxAge() {
        return permanentMaxAge;
    }

    @JsonProperty
    public void setPermanentMaxAge(Duration permanentMaxAge) {
        this.permanentMaxAge = permanentMaxAge;
    }

    public RedirectCachePolicy cachePolicy() {
        return new RedirectCachePolicy(temporaryMaxAge.toSeconds(), permanentMaxAge.toSeconds());
    }
}
