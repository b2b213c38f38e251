package io.shortener.idgen;

import io.shortener.snowflake.SnowflakeGenerator;
import io.shortener.snowflake.SnowflakeId;
import java.util.OptionalLong;

/**
 * Turns Snowflake IDs into the short codes people see: permute (so codes look random), then base62 at a
 * fixed width of 11. Generated codes are therefore exactly the 11-character base62 strings below 2^63,
 * which is how custom aliases are kept out of their way (see {@link #isGeneratedForm(String)}).
 */
public final class ShortCodes {

    private final MachineIds machines;
    private final FeistelPermutation permutation;

    public ShortCodes(MachineIds machines, FeistelPermutation permutation) {
        this.machines = machines;
        this.permutation = permutation;
    }

    public ShortCodes(SnowflakeGenerator generator, FeistelPermutation permutation) {
        this(new FixedMachine(generator), permutation);
    }

    /** The ID of a new link; {@link IdsUnavailable} while this instance holds no valid machine ID. */
    public long nextId() {
        return machines.forLinks().nextId();
    }

    /** The ID of a click event: never waits for, or fails on, the machine ID lease. */
    public long nextEventId() {
        return machines.forEvents().nextId();
    }

    public int machine() {
        return machines.machine();
    }

    public String codeFor(long id) {
        return Base62.encode(permutation.permute(id));
    }

    /** The ID a generated code stands for; empty for anything a generator cannot have produced. */
    public OptionalLong idOf(String code) {
        long value = Base62.decode(code);
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(permutation.invert(value));
    }

    public SnowflakeId decompose(long id) {
        return machines.forEvents().decompose(id);
    }

    /** Whether a string has the form of a generated code, and so could be issued one day. */
    public static boolean isGeneratedForm(String code) {
        return Base62.decode(code) >= 0;
    }
}
