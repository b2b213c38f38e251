package io.shortener.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.link.Link;
import io.shortener.link.RedirectType;
import io.shortener.rules.RedirectRules;
import io.shortener.rules.RulesParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkCodecTest {

    private final LinkCodec codec = new LinkCodec(new ObjectMapper());

    @Test
    void aLinkWithATitleAndTagsComesBackWhole() {
        Link link = new Link("abc", 7, "https://example.com/x", Instant.parse("2026-12-01T00:00:00.123Z"), Instant.parse("2027-01-01T00:00:00Z"),
                RedirectType.PERMANENT_REDIRECT, true, "acct", "Spring launch", List.of("launch", "promo"));

        assertThat(codec.decode(codec.encode(new CacheEntry(link)))).contains(new CacheEntry(link));
    }

    @Test
    void aLinkWithRulesAMaximumAndAPasswordHashComesBackWhole() throws Exception {
        RedirectRules rules = RulesParser.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"when\": {\"country\": [\"DE\"]}, \"url\": \"https://example.de\"}]"), url -> url);
        Link link = new Link("abc", 7, "https://example.com/x", Instant.parse("2026-12-01T00:00:00Z"), null, RedirectType.FOUND, false,
                "acct", null, List.of(), rules, 250L, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");

        Link decoded = codec.decode(codec.encode(new CacheEntry(link))).orElseThrow().link();

        assertThat(decoded).isEqualTo(link);
        assertThat(decoded.rules().size()).isEqualTo(1);
    }

    @Test
    void aPlainLinkLeavesTitleAndTagsOutOfRedis() {
        Link link = new Link("abc", 7, "https://example.com/x", Instant.parse("2026-12-01T00:00:00Z"), null, RedirectType.FOUND, false, "acct");

        String stored = codec.encode(new CacheEntry(link));

        assertThat(stored).doesNotContain("\"n\"").doesNotContain("\"g\"").doesNotContain("\"e\"").doesNotContain("\"x\"");
        assertThat(codec.decode(stored)).contains(new CacheEntry(link));
    }

    @Test
    void anEntryWrittenBeforeTitlesAndTagsStillReads() {
        String older = "{\"c\":\"abc\",\"i\":7,\"u\":\"https://example.com/x\",\"t\":0,\"e\":null,\"r\":302,\"a\":false,\"o\":\"acct\"}";

        assertThat(codec.decode(older)).hasValueSatisfying(entry -> {
            assertThat(entry.link().title()).isNull();
            assertThat(entry.link().tags()).isEmpty();
        });
        assertThat(codec.decode("-")).contains(CacheEntry.ABSENT);
        assertThat(codec.decode("{not json")).isEmpty();
    }
}
