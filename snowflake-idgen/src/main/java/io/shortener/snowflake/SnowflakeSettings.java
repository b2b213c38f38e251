package io.shortener.snowflake;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that makes one generator's IDs unique: the bit layout, the custom epoch, and this
 * generator's region and machine numbers, which no two live generators may share.
 */
public record SnowflakeSettings(IdLayout layout, Instant epoch, int region, int machine, Duration maxClockBackwards) {

    /** 2026-01-01T00:00Z: the 41 timestamp bits last until 2095. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    public static final Duration DEFAULT_MAX_CLOCK_BACKWARDS = Duration.ofMillis(10);

    public SnowflakeSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(maxClockBackwards, "maxClockBackwards");
        if (region < 0 || region > layout.maxRegion()) {
            throw new IllegalArgumentException("region must be between 0 and " + layout.maxRegion()
                    + " (" + layout.regionBits() + " bits), was " + region);
        }
        if (machine < 0 || machine > layout.maxMachine()) {
            throw new IllegalArgumentException("machine must be between 0 and " + layout.maxMachine()
                    + " (" + layout.machineBits() + " bits), was " + machine);
        }
        if (maxClockBackwards.isNegative()) {
            throw new IllegalArgumentException("maxClockBackwards must not be negative, was " + maxClockBackwards);
        }
    }

    public static SnowflakeSettings of(int region, int machine) {
        return new SnowflakeSettings(IdLayout.DEFAULT, DEFAULT_EPOCH, region, machine, DEFAULT_MAX_CLOCK_BACKWARDS);
    }
}
