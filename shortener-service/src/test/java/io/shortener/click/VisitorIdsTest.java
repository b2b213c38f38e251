package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VisitorIdsTest {

    private static final long NOON = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();
    private static final long EVENING = Instant.parse("2026-11-25T23:59:00Z").toEpochMilli();
    private static final long NEXT_DAY = Instant.parse("2026-11-26T00:01:00Z").toEpochMilli();
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64)";

    private final VisitorIds ids = new VisitorIds("test-key");

    @Test
    void anonymisesIpv4ToItsSlash24AndIpv6ToItsSlash48() {
        assertThat(VisitorIds.anonymise("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(VisitorIds.anonymise("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(VisitorIds.anonymise("::ffff:198.51.100.9")).isEqualTo("198.51.100.0");
        assertThat(VisitorIds.anonymise("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3:0:0:0:0:0");
        assertThat(VisitorIds.anonymise("[2001:db8:85a3::1]")).isEqualTo("2001:db8:85a3:0:0:0:0:0");
    }

    @Test
    void anythingButAnAddressLiteralIsUnknownAndNeverLookedUp() {
        assertThat(VisitorIds.anonymise("example.com")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("999.1.1.1")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("1.2.3.256")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("1.2.3")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("1.2.3.4.5")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("1..3.4")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("1.2.3.")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("1.2.3.1000")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise("")).isEqualTo("unknown");
        assertThat(VisitorIds.anonymise(null)).isEqualTo("unknown");
    }

    @Test
    void theSamePersonOnTheSameDayIsOneVisitor() {
        assertThat(ids.of("203.0.113.77", UA, NOON)).isEqualTo(ids.of("203.0.113.5", UA, EVENING)).matches("[0-9a-f]{32}");
    }

    @Test
    void anotherDayAnotherBrowserOrAnotherNetworkIsAnotherVisitor() {
        String visitor = ids.of("203.0.113.77", UA, NOON);

        assertThat(ids.of("203.0.113.77", UA, NEXT_DAY)).isNotEqualTo(visitor);
        assertThat(ids.of("203.0.113.77", UA + " Firefox", NOON)).isNotEqualTo(visitor);
        assertThat(ids.of("198.51.100.77", UA, NOON)).isNotEqualTo(visitor);
        assertThat(new VisitorIds("other-key").of("203.0.113.77", UA, NOON)).isNotEqualTo(visitor);
    }

    @Test
    void theIdRevealsNothingOfTheAddress() {
        assertThat(ids.of("203.0.113.77", UA, NOON)).doesNotContain("203").doesNotContain("113");
    }
}
