package io.shortener.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.link.Link;
import io.shortener.link.RedirectType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkListingTest {

    private static final Link LINK = new Link("Spring-Sale", 1, "https://Shop.Example.com/path/report?x=1", Instant.EPOCH, null,
            RedirectType.FOUND, true, "acct", "Quarterly Report", List.of());

    @Test
    void aSearchMatchesTheCodeTheTitleOrTheHostIgnoringCase() {
        assertThat(LinkListing.matches(LINK, null)).isTrue();
        assertThat(LinkListing.matches(LINK, "spring-s")).isTrue();
        assertThat(LinkListing.matches(LINK, "quarterly")).isTrue();
        assertThat(LinkListing.matches(LINK, "shop.example")).isTrue();
    }

    @Test
    void aSearchDoesNotLookAtThePathOrTheQuery() {
        assertThat(LinkListing.matches(LINK, "path")).isFalse();
        assertThat(LinkListing.matches(LINK, "x=1")).isFalse();
    }

    @Test
    void aLinkIsListedInTheHourItWasCreated() {
        Instant at = Instant.parse("2026-12-01T10:59:59.999Z");

        assertThat(LinkIndex.startOf(LinkIndex.hourOf(at))).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(LinkIndex.hourOf(at.plusMillis(1))).isEqualTo(LinkIndex.hourOf(at) + 1);
    }
}
