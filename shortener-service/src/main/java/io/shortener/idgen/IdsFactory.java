package io.shortener.idgen;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.shortener.snowflake.IdLayout;
import io.shortener.snowflake.SnowflakeGenerator;
import io.shortener.snowflake.SnowflakeSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code ids} section: which region and machine this instance is, for the Snowflake bits, and the
 * key of the permutation that turns IDs into codes. No two live instances may share (region, machine).
 */
public class IdsFactory {

    @Min(0)
    @Max(31)
    private int region = 0;

    @Min(0)
    @Max(31)
    private int machine = 0;

    @NotNull
    private Duration maxClockBackwards = Duration.milliseconds(10);

    /**
     * Chooses the permutation from IDs to codes. Set it once per deployment: existing links keep working
     * if it changes (codes are stored), but old and new codes are then no longer disjoint by construction.
     */
    @NotEmpty
    private String codeKey = "change-me-per-deployment";

    @JsonProperty
    public int getRegion() {
        return region;
    }

    @JsonProperty
    public void setRegion(int region) {
        this.region = region;
    }

    @JsonProperty
    public int getMachine() {
        return machine;
    }

    @JsonProperty
    public void setMachine(int machine) {
        this.machine = machine;
    }

    @JsonProperty
    public Duration getMaxClockBackwards() {
        return maxClockBackwards;
    }

    @JsonProperty
    public void setMaxClockBackwards(Duration maxClockBackwards) {
        this.maxClockBackwards = maxClockBackwards;
    }

    @JsonProperty
    public String getCodeKey() {
        return codeKey;
    }

    @JsonProperty
    public void setCodeKey(String codeKey) {
        this.codeKey = codeKey;
    }

    public ShortCodes build() {
        SnowflakeSettings settings = new SnowflakeSettings(IdLayout.DEFAULT, SnowflakeSettings.DEFAULT_EPOCH,
                region, machine, maxClockBackwards.toJavaDuration());
        return new ShortCodes(new SnowflakeGenerator(settings), new FeistelPermutation(codeKey));
    }
}
