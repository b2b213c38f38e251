package io.shortener.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatsPeriodTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:42:31Z"), ZoneOffset.UTC);

    @Test
    void withoutParametersItIsTheLastSevenDaysByHourUpToTheEndOfTheCurrentMinute() {
        assertThat(StatsPeriod.parse(null, null, null, NOW, 10_080)).isEqualTo(new StatsPeriod(
                Instant.parse("2026-11-18T10:43:00Z"), Instant.parse("2026-11-25T10:43:00Z"), Interval.HOUR));
    }

    @Test
    void datesMeanMidnightUtcAndInstantsAreRoundedDownToTheMinute() {
        assertThat(StatsPeriod.parse("2026-11-01", "2026-11-02T08:15:59Z", "minute", NOW, 10_080)).isEqualTo(new StatsPeriod(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T08:15:00Z"), Interval.MINUTE));
    }

    @Test
    void anUnknownIntervalAnUnreadableTimeAndAnEmptyPeriodAreBadRequests() {
        assertBadRequest(() -> StatsPeriod.parse(null, null, "week", NOW, 10_080), "minute, hour, day");
        assertBadRequest(() -> StatsPeriod.parse("last tuesday", null, null, NOW, 10_080), "ISO-8601");
        assertBadRequest(() -> StatsPeriod.parse("2026-11-25T10:00:00Z", "2026-11-25T10:00:59Z", null, NOW, 10_080), "before");
    }

    @Test
    void aSeriesLongerThanTheLimitIsRefusedWithAHint() {
        assertThat(StatsPeriod.parse("2026-11-01", "2026-11-08", "minute", NOW, 10_080).interval()).isEqualTo(Interval.MINUTE);
        assertBadRequest(() -> StatsPeriod.parse("2026-11-01", "2026-11-09", "minute", NOW, 10_080), "longer interval");
    }

    private static void assertBadRequest(Runnable parse, String messagePart) {
        assertThatThrownBy(parse::run).isInstanceOf(ApiException.class).hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }
}
