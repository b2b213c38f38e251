package io.shortener.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void readsBusyIdleAndStealFromTheCpuLineOfProcStat() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        CpuTimes times = CpuTimes.parse("cpu  1000 20 300 5000 40 0 80 60 0 0");

        assertThat(times.busy()).isEqualTo(1000 + 20 + 300 + 0 + 80);
        assertThat(times.idle()).isEqualTo(5000 + 40);
        assertThat(times.steal()).isEqualTo(60);
    }

    @Test
    void aStretchOfTimeIsTheDifferenceOfTwoReadings() {
        CpuTimes before = CpuTimes.parse("cpu  1000 0 0 1000 0 0 0 100 0 0");
        CpuTimes after = CpuTimes.parse("cpu  1100 0 0 1050 0 0 0 150 0 0");

        CpuTimes spent = after.since(before);

        assertThat(spent.stealMillis()).isEqualTo(500);
        assertThat(spent.stealShare()).isCloseTo(0.25, within(1e-9));
        assertThat(spent.busyShare()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void refusesALineThatIsNotTheMachinesTotal() {
        assertThatThrownBy(() -> CpuTimes.parse("cpu0 1 2 3 4 5 6 7 8 9 10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the cpu line");
    }
}
