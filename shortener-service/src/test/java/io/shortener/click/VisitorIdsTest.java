package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.clickevent.ClickEventJson;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void neighboursInOneSlash24ShareAnIdAndTwoSlash24sDoNot() {
        assertThat(ids.of("203.0.113.1", UA, NOON)).isEqualTo(ids.of("203.0.113.254", UA, NOON));
        assertThat(ids.of("203.0.113.77", UA, NOON)).isNotEqualTo(ids.of("203.0.112.77", UA, NOON))
                .isNotEqualTo(ids.of("203.0.114.77", UA, NOON));
        assertThat(ids.of("2001:db8:85a3:1::1", UA, NOON)).isEqualTo(ids.of("2001:db8:85a3:ffff::9", UA, NOON))
                .isNotEqualTo(ids.of("2001:db8:85a4:1::1", UA, NOON));
    }

    /**
     * The whole event as it leaves for Kafka, not only the id: no part of the address in any encoding a
     * reader could reverse (dotted, hex, integer, Base64, or an unkeyed hash of the address or its /24,
     * which a dictionary of all 2^32 addresses reverses).
     */
    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.77", "198.51.100.200", "2001:db8:85a3:8d3:1319:8a2e:370:7348"})
    void theEventCarriesNoPartOfTheAddressInAnyEncoding(String address) throws Exception {
        ClickEnricher enricher = new ClickEnricher(new UserAgentClassifier(), ids, 1, () -> 1);
        String event = ClickEventJson.write(enricher.enrich(1, new RawClick("leak", NOON, false, address, UA, null, null)))
                .toLowerCase(Locale.ROOT);

        assertThat(encodingsOf(address)).allSatisfy(form -> assertThat(event).as("the event %s", event).doesNotContain(form));
    }

    private static List<String> encodingsOf(String address) throws Exception {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        List<String> forms = new ArrayList<>(List.of(address, InetAddress.getByAddress(bytes).getHostAddress(),
                HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes).toLowerCase(Locale.ROOT)));
        String network = VisitorIds.anonymise(address);
        forms.add(network);
        forms.add(network.substring(0, network.length() - 2));
        if (bytes.length == 4) {
            forms.add(Long.toString(Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(bytes).getInt())));
            forms.add(HexFormat.of().formatHex(bytes, 0, 3));
        } else {
            forms.add(HexFormat.of().formatHex(bytes, 0, 6));
        }
        for (String algorithm : List.of("MD5", "SHA-1", "SHA-256")) {
            for (String text : List.of(address, network)) {
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
                forms.add(digest.substring(0, 16));
            }
        }
        return forms.stream().map(form -> form.toLowerCase(Locale.ROOT)).toList();
    }
}
