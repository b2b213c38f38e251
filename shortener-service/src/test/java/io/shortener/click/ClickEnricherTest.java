package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.clickevent.ClickEvent;
import org.junit.jupiter.api.Test;

class ClickEnricherTest {

    private final ClickEnricher enricher = new ClickEnricher(new UserAgentClassifier(), new VisitorIds("k"), 3, () -> 7);

    @Test
    void anEventCarriesTheCodeTimeRegionInstanceAndWhatTheRequestTold() {
        RawClick click = new RawClick("launch", 1_795_000_000_000L, false, "203.0.113.9",
                UserAgentClassifierTest.SAFARI_IPHONE, "https://News.Example.com/story?id=1", "de");
        ClickEvent event = enricher.enrich(101, click);

        assertThat(event.schemaVersion()).isEqualTo(ClickEvent.SCHEMA_VERSION);
        assertThat(event.eventId()).isEqualTo(101);
        assertThat(event.code()).isEqualTo("launch");
        assertThat(event.timestamp()).isEqualTo(1_795_000_000_000L);
        assertThat(event.region()).isEqualTo(3);
        assertThat(event.instance()).isEqualTo(7);
        assertThat(event.referrerHost()).isEqualTo("news.example.com");
        assertThat(event.country()).isEqualTo("DE");
        assertThat(event.deviceClass()).isEqualTo("mobile");
        assertThat(event.bot()).isFalse();
        assertThat(event.visitorId()).matches("[0-9a-f]{32}");
        assertThat(enricher.enrich(101, click)).as("sent again after a crash: the same event").isEqualTo(event);
        assertThat(enricher.enrich(101, new RawClick("launch", 1_795_000_000_000L, false, VisitorIds.anonymise("203.0.113.9"),
                UserAgentClassifierTest.SAFARI_IPHONE, "https://News.Example.com/story?id=1", "de")))
                .as("from the journal, which holds the anonymised address").isEqualTo(event);
    }

    @Test
    void aMissingOrBrokenRefererIsDirectAndAnUnknownCountryIsNull() {
        assertThat(ClickEnricher.referrerHost(null)).isNull();
        assertThat(ClickEnricher.referrerHost("not a url")).isNull();
        assertThat(ClickEnricher.country("XX")).isNull();
        assertThat(ClickEnricher.country("Germany")).isNull();
        assertThat(ClickEnricher.country(null)).isNull();
    }
}
