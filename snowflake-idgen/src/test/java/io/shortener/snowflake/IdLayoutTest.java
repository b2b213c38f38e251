package io.shortener.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdLayoutTest {

    private static final long SEED = Long.getLong("test.seed", System.nanoTime());

    static {
        System.out.println("%s: random seed %d (repeat with -Dtest.seed=%d)".formatted("IdLayoutTest", SEED, SEED));
    }

    @Test
    void defaultLayoutIs41TimestampBits5Region5Machine12Sequence() {
        IdLayout layout = IdLayout.DEFAULT;

        assertThat(layout.maxTimestamp()).isEqualTo((1L << 41) - 1);
        assertThat(layout.maxRegion()).isEqualTo(31);
        assertThat(layout.maxMachine()).isEqualTo(31);
        assertThat(layout.maxSequence()).isEqualTo(4095);
    }

    @Test
    void refusesALayoutThatDoesNotUseExactly63Bits() {
        assertThatThrownBy(() -> new IdLayout(41, 5, 5, 13))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 63 bits");
        assertThatThrownBy(() -> new IdLayout(40, 5, 5, 12))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesFieldsWiderThanTheirBits() {
        assertThatThrownBy(() -> IdLayout.DEFAULT.compose(0, 32, 0, 0)).hasMessageContaining("region");
        assertThatThrownBy(() -> IdLayout.DEFAULT.compose(0, 0, 32, 0)).hasMessageContaining("machine");
        assertThatThrownBy(() -> IdLayout.DEFAULT.compose(0, 0, 0, 4096)).hasMessageContaining("sequence");
        assertThatThrownBy(() -> IdLayout.DEFAULT.compose(1L << 41, 0, 0, 0)).hasMessageContaining("timestamp");
    }

    @Test
    void composeAndReadBackRoundTripForRandomFieldsAndLayouts() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 100_000; i++) {
            int regionBits = random.nextInt(0, 9);
            int machineBits = random.nextInt(0, 9);
            int sequenceBits = random.nextInt(1, 17);
            IdLayout layout = new IdLayout(63 - regionBits - machineBits - sequenceBits, regionBits, machineBits, sequenceBits);
            long timestamp = random.nextLong(layout.maxTimestamp() + 1);
            int region = random.nextInt(layout.maxRegion() + 1);
            int machine = random.nextInt(layout.maxMachine() + 1);
            int sequence = random.nextInt(layout.maxSequence() + 1);

            long id = layout.compose(timestamp, region, machine, sequence);

            assertThat(id).as("seed %d, %s", SEED, layout).isNotNegative();
            assertThat(layout.timestampOf(id)).as("seed %d", SEED).isEqualTo(timestamp);
            assertThat(layout.regionOf(id)).as("seed %d", SEED).isEqualTo(region);
            assertThat(layout.machineOf(id)).as("seed %d", SEED).isEqualTo(machine);
            assertThat(layout.sequenceOf(id)).as("seed %d", SEED).isEqualTo(sequence);
        }
    }

    @Test
    void extremeFieldValuesStayPositive() {
        IdLayout layout = IdLayout.DEFAULT;
        long id = layout.compose(layout.maxTimestamp(), layout.maxRegion(), layout.maxMachine(), layout.maxSequence());

        assertThat(id).isEqualTo(Long.MAX_VALUE);
    }
}
