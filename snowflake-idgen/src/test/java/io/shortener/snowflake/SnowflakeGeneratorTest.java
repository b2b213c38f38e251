package io.shortener.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnowflakeGeneratorTest {

    private static final Instant EPOCH = SnowflakeSettings.DEFAULT_EPOCH;
    private static final long T0 = EPOCH.toEpochMilli() + 1_000_000;

    @Test
    void idsDecomposeToTheConfiguredRegionMachineAndCurrentTime() {
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(7, 19));
        Instant before = Instant.now().minusMillis(1);

        SnowflakeId id = generator.decompose(generator.nextId());

        assertThat(id.region()).isEqualTo(7);
        assertThat(id.machine()).isEqualTo(19);
        assertThat(id.timestamp()).isBetween(before, Instant.now().plusMillis(1));
    }

    @Test
    void refusesRegionAndMachineOutsideTheirBitWidths() {
        assertThatThrownBy(() -> SnowflakeSettings.of(32, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region must be between 0 and 31");
        assertThatThrownBy(() -> SnowflakeSettings.of(0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("machine must be between 0 and 31");
    }

    @Test
    void acceptsAnotherBitSplit() {
        IdLayout wideRegions = new IdLayout(41, 8, 2, 12);
        SnowflakeGenerator generator = new SnowflakeGenerator(
                new SnowflakeSettings(wideRegions, EPOCH, 200, 3, Duration.ofMillis(10)));

        SnowflakeId id = generator.decompose(generator.nextId());

        assertThat(id.region()).isEqualTo(200);
        assertThat(id.machine()).isEqualTo(3);
    }

    @Test
    void idsWithinOneMillisecondCountTheSequenceUp() {
        SteppingClock clock = new SteppingClock(0, T0, T0, T0);
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(1, 2), clock);

        SnowflakeId first = generator.decompose(generator.nextId());
        SnowflakeId second = generator.decompose(generator.nextId());
        SnowflakeId third = generator.decompose(generator.nextId());

        assertThat(first.sequence()).isZero();
        assertThat(second.sequence()).isEqualTo(1);
        assertThat(third.sequence()).isEqualTo(2);
        assertThat(third.timestamp()).isEqualTo(Instant.ofEpochMilli(T0));
    }

    @Test
    void anExhaustedSequenceWaitsForTheNextMillisecond() {
        SteppingClock clock = new SteppingClock(1);
        clock.enqueue(T0, 4096 + 50);
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(0, 0), clock);

        long previous = -1;
        for (int i = 0; i < 4096; i++) {
            previous = generator.nextId();
        }
        SnowflakeId lastOfMillisecond = generator.decompose(previous);
        SnowflakeId firstOfNext = generator.decompose(generator.nextId());

        assertThat(lastOfMillisecond.sequence()).isEqualTo(4095);
        assertThat(lastOfMillisecond.timestamp()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(firstOfNext.timestamp()).isEqualTo(Instant.ofEpochMilli(T0 + 1));
        assertThat(firstOfNext.sequence()).isZero();
    }

    @Test
    void aClockStepBackWithinTheBoundIsWaitedOutWithoutRepeatingOrGoingDown() {
        // 5 ms back, then the clock creeps forward one ms per reading.
        SteppingClock clock = new SteppingClock(1, T0, T0 - 5);
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(0, 0), clock);

        long before = generator.nextId();
        long after = generator.nextId();

        assertThat(after).isGreaterThan(before);
        assertThat(generator.decompose(after).timestamp()).isAfterOrEqualTo(Instant.ofEpochMilli(T0));
    }

    @Test
    void aClockStepBackBeyondTheBoundFailsClearly() {
        SteppingClock clock = new SteppingClock(0, T0, T0 - 11);
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(0, 0), clock);
        generator.nextId();

        assertThatThrownBy(generator::nextId)
                .isInstanceOf(ClockMovedBackwardsException.class)
                .hasMessageContaining("moved backwards by 11 ms");
    }

    @Test
    void aClockThatStaysBehindFailsAfterTheBoundInsteadOfSpinningForever() {
        // Behind by 3 ms (within the 10 ms bound), but the clock never moves again.
        SteppingClock clock = new SteppingClock(0, T0, T0 - 3);
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(0, 0), clock);
        generator.nextId();

        assertThatThrownBy(generator::nextId).isInstanceOf(ClockMovedBackwardsException.class);
    }

    @Test
    void aZeroBoundRefusesAnyStepBack() {
        SteppingClock clock = new SteppingClock(0, T0, T0 - 1);
        SnowflakeGenerator generator = new SnowflakeGenerator(
                new SnowflakeSettings(IdLayout.DEFAULT, EPOCH, 0, 0, Duration.ZERO), clock);
        generator.nextId();

        assertThatThrownBy(generator::nextId).isInstanceOf(ClockMovedBackwardsException.class);
    }

    @Test
    void aClockBeforeTheEpochFailsClearly() {
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(0, 0),
                () -> EPOCH.toEpochMilli() - 1);

        assertThatThrownBy(generator::nextId).hasMessageContaining("before the ID epoch");
    }

    @Test
    void idsFromOneThreadStrictlyIncrease() {
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(3, 4));
        long previous = generator.nextId();
        for (int i = 0; i < 200_000; i++) {
            long next = generator.nextId();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void generatorsOnDifferentMachinesNeverCollideInTheSameMillisecond() {
        SteppingClock clockA = new SteppingClock(0, T0);
        SteppingClock clockB = new SteppingClock(0, T0);
        SnowflakeGenerator a = new SnowflakeGenerator(SnowflakeSettings.of(1, 1), clockA);
        SnowflakeGenerator b = new SnowflakeGenerator(SnowflakeSettings.of(1, 2), clockB);

        assertThat(a.nextId()).isNotEqualTo(b.nextId());
    }
}
