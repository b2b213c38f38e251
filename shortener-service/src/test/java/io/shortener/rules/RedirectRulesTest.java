package io.shortener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.click.UserAgentClassifier;
import io.shortener.click.UserAgentClassifierTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which target a visit gets: each condition, the first matching rule, and a split by weight that keeps each visitor. */
class RedirectRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-24T12:00:00Z");
    private static final UserAgentClassifier AGENTS = new UserAgentClassifier();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RedirectRules rules(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return RulesParser.parse(node, UnaryOperator.identity());
    }

    private static Visit visit(String country, String userAgent, String languages, String query, Instant at, String address) {
        return new Visit(country, userAgent, false, languages, query, at, address, AGENTS);
    }

    private static Visit visit() {
        return visit(null, UserAgentClassifierTest.CHROME_WINDOWS, null, null, NOW, "192.0.2.1");
    }

    private static String target(RedirectRules rules, Visit visit) {
        Choice choice = rules.choose(visit, "abc");
        return choice == null ? "default" : choice.url();
    }

    @Test
    void aCountryRuleMatchesTheTrustedHeadersCountryOnly() throws Exception {
        RedirectRules rules = rules("[{\"when\": {\"country\": [\"de\", \"AT\"]}, \"url\": \"https://example.de\"}]");

        assertThat(target(rules, visit("DE", null, null, null, NOW, "a"))).isEqualTo("https://example.de");
        assertThat(target(rules, visit("AT", null, null, null, NOW, "a"))).isEqualTo("https://example.de");
        assertThat(target(rules, visit("FR", null, null, null, NOW, "a"))).isEqualTo("default");
        assertThat(target(rules, visit(null, null, null, null, NOW, "a"))).isEqualTo("default");
    }

    @Test
    void deviceAndOsRulesMatchTheClassifiedUserAgent() throws Exception {
        RedirectRules rules = rules("[{\"when\": {\"os\": [\"ios\"]}, \"url\": \"https://apps.apple.com/x\"},"
                + " {\"when\": {\"device\": [\"mobile\", \"tablet\"]}, \"url\": \"https://m.example.com\"},"
                + " {\"when\": {\"device\": [\"bot\"]}, \"url\": \"https://example.com/for-bots\"}]");

        assertThat(target(rules, visit(null, UserAgentClassifierTest.SAFARI_IPHONE, null, null, NOW, "a"))).isEqualTo("https://apps.apple.com/x");
        assertThat(target(rules, visit(null, UserAgentClassifierTest.CHROME_ANDROID_PHONE, null, null, NOW, "a"))).isEqualTo("https://m.example.com");
        assertThat(target(rules, visit(null, UserAgentClassifierTest.GOOGLEBOT, null, null, NOW, "a"))).isEqualTo("https://example.com/for-bots");
        assertThat(target(rules, visit(null, UserAgentClassifierTest.CHROME_WINDOWS, null, null, NOW, "a"))).isEqualTo("default");
    }

    @Test
    void aLanguageRuleMatchesAnyAcceptedLanguageAndItsRegionalForms() throws Exception {
        RedirectRules rules = rules("[{\"when\": {\"language\": [\"de\"]}, \"url\": \"https://example.de\"},"
                + " {\"when\": {\"language\": [\"en-GB\"]}, \"url\": \"https://example.co.uk\"}]");

        assertThat(target(rules, visit(null, null, "fr-CH, de-AT;q=0.8, en;q=0.5", null, NOW, "a"))).isEqualTo("https://example.de");
        assertThat(target(rules, visit(null, null, "en-GB,en;q=0.9", null, NOW, "a"))).isEqualTo("https://example.co.uk");
        assertThat(target(rules, visit(null, null, "en-US,en;q=0.9", null, NOW, "a"))).isEqualTo("default");
        assertThat(target(rules, visit(null, null, "deu", null, NOW, "a"))).as("a prefix, not a language").isEqualTo("default");
        assertThat(target(rules, visit(null, null, "fr, de;q=0", null, NOW, "a"))).as("q=0: not accepted").isEqualTo("default");
        assertThat(target(rules, visit(null, null, null, null, NOW, "a"))).isEqualTo("default");
        assertThat(target(rules, visit(null, null, " EN-gb ;q=0.7 , fr", null, NOW, "a"))).as("spaces, any case").isEqualTo("https://example.co.uk");
        assertThat(target(rules, visit(null, null, "*, fr;q=0.5", null, NOW, "a"))).as("a wildcard names no language").isEqualTo("default");
        assertThat(target(rules, visit(null, null, "de;q=abc", null, NOW, "a"))).as("a q that does not parse").isEqualTo("default");
        assertThat(target(rules, visit(null, null, "en, de;q=0.001", null, NOW, "a"))).isEqualTo("https://example.de");
        assertThat(target(rules, visit(null, null, ",,,de", null, NOW, "a"))).isEqualTo("https://example.de");
        assertThat(target(rules, visit(null, null, "en,".repeat(30) + "de", null, NOW, "a"))).as("past the 20 entries looked at")
                .isEqualTo("default");
    }

    @Test
    void aQueryRuleMatchesTheParameterWithItsValueOrAnyValue() throws Exception {
        RedirectRules rules = rules("[{\"when\": {\"query\": {\"src\": \"qr code\"}}, \"url\": \"https://example.com/qr\"},"
                + " {\"when\": {\"query\": {\"ref\": \"*\"}}, \"url\": \"https://example.com/referred\"}]");

        assertThat(target(rules, visit(null, null, null, "a=1&src=qr+code", NOW, "a"))).isEqualTo("https://example.com/qr");
        assertThat(target(rules, visit(null, null, null, "src=qr%20code", NOW, "a"))).isEqualTo("https://example.com/qr");
        assertThat(target(rules, visit(null, null, null, "src=print", NOW, "a"))).isEqualTo("default");
        assertThat(target(rules, visit(null, null, null, "ref=", NOW, "a"))).isEqualTo("https://example.com/referred");
        assertThat(target(rules, visit(null, null, null, "src=%zz", NOW, "a"))).as("a bad escape matches nothing").isEqualTo("default");
        assertThat(target(rules, visit(null, null, null, null, NOW, "a"))).isEqualTo("default");
    }

    @Test
    void aTimeWindowIncludesItsStartAndExcludesItsEnd() throws Exception {
        RedirectRules rules = rules("[{\"when\": {\"from\": \"2026-12-24T00:00:00Z\", \"until\": \"2026-12-27T00:00:00+00:00\"},"
                + " \"url\": \"https://example.com/xmas\"}]");

        assertThat(target(rules, visit(null, null, null, null, Instant.parse("2026-12-24T00:00:00Z"), "a"))).isEqualTo("https://example.com/xmas");
        assertThat(target(rules, visit(null, null, null, null, Instant.parse("2026-12-26T23:59:59Z"), "a"))).isEqualTo("https://example.com/xmas");
        assertThat(target(rules, visit(null, null, null, null, Instant.parse("2026-12-27T00:00:00Z"), "a"))).isEqualTo("default");
        assertThat(target(rules, visit(null, null, null, null, Instant.parse("2026-12-23T23:59:59Z"), "a"))).isEqualTo("default");
    }

    @Test
    void everyConditionOfARuleMustMatchAndTheFirstMatchingRuleWins() throws Exception {
        RedirectRules rules = rules("[{\"when\": {\"country\": [\"DE\"], \"device\": [\"mobile\"]}, \"url\": \"https://one\"},"
                + " {\"when\": {\"country\": [\"DE\"]}, \"url\": \"https://two\"},"
                + " {\"url\": \"https://three\"}]");

        Choice mobileInGermany = rules.choose(visit("DE", UserAgentClassifierTest.SAFARI_IPHONE, null, null, NOW, "a"), "abc");
        assertThat(mobileInGermany).isEqualTo(new Choice("https://one", 1, 0));
        assertThat(rules.choose(visit("DE", UserAgentClassifierTest.CHROME_WINDOWS, null, null, NOW, "a"), "abc"))
                .isEqualTo(new Choice("https://two", 2, 0));
        assertThat(rules.choose(visit("FR", UserAgentClassifierTest.SAFARI_IPHONE, null, null, NOW, "a"), "abc"))
                .isEqualTo(new Choice("https://three", 3, 0));
    }

    @Test
    void aSplitSendsVisitorsByWeightAndEachVisitorAlwaysToTheSameTarget() throws Exception {
        RedirectRules rules = rules("[{\"split\": [{\"url\": \"https://a\", \"weight\": 70}, {\"url\": \"https://b\", \"weight\": 20},"
                + " {\"url\": \"https://c\", \"weight\": 10}]}]");
        Map<Integer, Integer> byVariant = new HashMap<>();
        int visitors = 20_000;
        for (int i = 0; i < visitors; i++) {
            Visit visitor = visit(null, "Mozilla/5.0 visitor " + i, null, null, NOW, "198.51.100." + (i % 250));
            Choice choice = rules.choose(visitor, "abc");
            assertThat(rules.choose(visit(null, "Mozilla/5.0 visitor " + i, null, null, NOW.plusSeconds(3600), "198.51.100." + (i % 250)), "abc"))
                    .as("the same visitor, an hour later").isEqualTo(choice);
            byVariant.merge(choice.variant(), 1, Integer::sum);
        }

        assertThat(byVariant.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(byVariant.get(1) / (double) visitors).isCloseTo(0.70, within(0.02));
        assertThat(byVariant.get(2) / (double) visitors).isCloseTo(0.20, within(0.02));
        assertThat(byVariant.get(3) / (double) visitors).isCloseTo(0.10, within(0.02));
    }

    @Test
    void aLinkWithoutRulesChoosesNothing() throws Exception {
        assertThat(rules("[]")).isSameAs(RedirectRules.NONE);
        assertThat(RedirectRules.NONE.choose(visit(), "abc")).isNull();
        assertThat(RulesParser.load(null)).isSameAs(RedirectRules.NONE);
    }

    @Test
    void rulesReadBackFromTheirDefinitionAreEqualAndChooseAlike() throws Exception {
        RedirectRules rules = rules("[{\"when\": {\"country\": [\"de\"], \"language\": [\"DE\"]}, \"url\": \"https://one\"},"
                + " {\"split\": [{\"url\": \"https://a\", \"weight\": 1}, {\"url\": \"https://b\", \"weight\": 1}]}]");

        RedirectRules loaded = RulesParser.load(rules.definition().toString());

        assertThat(loaded).isEqualTo(rules);
        assertThat(rules.definition().toString()).isEqualTo("[{\"when\":{\"country\":[\"DE\"],\"language\":[\"de\"]},\"url\":\"https://one\"},"
                + "{\"split\":[{\"url\":\"https://a\",\"weight\":1},{\"url\":\"https://b\",\"weight\":1}]}]");
        for (int i = 0; i < 100; i++) {
            Visit visitor = visit(null, "agent " + i, null, null, NOW, "a");
            assertThat(loaded.choose(visitor, "abc")).isEqualTo(rules.choose(visitor, "abc"));
        }
    }
}
