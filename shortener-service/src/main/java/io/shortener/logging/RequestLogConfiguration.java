package io.shortener.logging;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** The {@code requestLog} section: every 5xx answer is logged; of the others, this share, at random. */
public class RequestLogConfiguration {

    @DecimalMin("0.0")
    @DecimalMax("1.0")
    private double sampleRate = 0.001;

    @JsonProperty
    public double getSampleRate() {
        return sampleRate;
    }

    @JsonProperty
    public void setSampleRate(double sampleRate) {
        this.sampleRate = sampleRate;
    }
}
