package io.shortener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.error.ApiException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Rules as a request gives them: every malformed one is a 400 that names where it is wrong. */
class RulesParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RedirectRules parse(String json) throws Exception {
        return RulesParser.parse(JSON.readTree(json), url -> {
            if (!url.startsWith("https://")) {
                throw ApiException.badRequest("url must be an http or https URL");
            }
            return url;
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                               | rules must be an array",
            "[1]                                                              | rules[0] must be an object",
            "[{\"when\": {\"country\": [\"DE\"]}}]                           | rules[0] must have either a url or a split",
            "[{\"url\": \"https://a\", \"split\": []}]                        | rules[0] must have either a url or a split",
            "[{\"url\": \"https://a\", \"then\": 1}]                          | rules[0] has 'then'",
            "[{\"url\": \"ftp://a\"}]                                         | rules[0].url: url must be an http or https URL",
            "[{\"url\": 7}]                                                   | rules[0].url must be a string",
            "[{\"when\": {}, \"url\": \"https://a\"}]                         | rules[0].when must be an object with at least one of",
            "[{\"when\": {\"city\": [\"Berlin\"]}, \"url\": \"https://a\"}]   | rules[0].when has 'city'",
            "[{\"when\": {\"country\": \"DE\"}, \"url\": \"https://a\"}]      | rules[0].when.country must be an array of 1 to 50",
            "[{\"when\": {\"country\": [\"DEU\"]}, \"url\": \"https://a\"}]   | rules[0].when.country must be an array of two-letter country codes",
            "[{\"when\": {\"country\": []}, \"url\": \"https://a\"}]          | rules[0].when.country must be an array of 1 to 50",
            "[{\"when\": {\"device\": [\"phone\"]}, \"url\": \"https://a\"}]  | rules[0].when.device must hold device classes",
            "[{\"when\": {\"os\": [\"<script>\"]}, \"url\": \"https://a\"}]   | rules[0].when.os must be an array of operating systems",
            "[{\"when\": {\"language\": [\"de_DE\"]}, \"url\": \"https://a\"}] | rules[0].when.language must be an array of language tags",
            "[{\"when\": {\"query\": {\"a\": 1}}, \"url\": \"https://a\"}]    | rules[0].when.query.a must be a string",
            "[{\"when\": {\"query\": []}, \"url\": \"https://a\"}]            | rules[0].when.query must be an object of 1 to 10 parameters",
            "[{\"when\": {\"from\": \"tomorrow\"}, \"url\": \"https://a\"}]   | rules[0].when.from must be an ISO-8601 date-time",
            "[{\"when\": {\"from\": \"2026-12-27T00:00:00Z\", \"until\": \"2026-12-24T00:00:00Z\"}, \"url\": \"https://a\"}] | rules[0].when.from must be before",
            "[{\"split\": [{\"url\": \"https://a\", \"weight\": 1}]}]          | rules[0].split must be an array of 2 to 10 targets",
            "[{\"split\": [{\"url\": \"https://a\", \"weight\": 0}, {\"url\": \"https://b\", \"weight\": 1}]}] | rules[0].split[0].weight must be a whole number from 1 to 10000",
            "[{\"split\": [{\"url\": \"https://a\", \"weight\": 1.5}, {\"url\": \"https://b\", \"weight\": 1}]}] | rules[0].split[0].weight must be a whole number",
            "[{\"split\": [{\"url\": \"https://a\"}, {\"url\": \"https://b\", \"weight\": 1}]}] | rules[0].split[0] must be an object with exactly a url and a weight",
            "[{\"url\": \"https://a\"}, {\"split\": [{\"url\": \"https://a\", \"weight\": 1}, {\"url\": \"http://b\", \"weight\": 1}]}] | rules[1].split[1].url: url must be",
    })
    void aMalformedRuleIsA400NamingWhereItIsWrong(String rules, String message) {
        assertThatThrownBy(() -> parse(rules)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith(message);
        });
    }

    @Test
    void aLinkHasAtMostTwentyRules() throws Exception {
        String rule = "{\"url\": \"https://a\"}";
        assertThat(parse("[" + String.join(",", java.util.Collections.nCopies(20, rule)) + "]").size()).isEqualTo(20);
        assertThatThrownBy(() -> parse("[" + String.join(",", java.util.Collections.nCopies(21, rule)) + "]"))
                .hasMessage("a link may have at most 20 rules");
    }

    @Test
    void targetUrlsAreStoredAsTheUrlCheckNormalisesThem() throws Exception {
        RedirectRules rules = RulesParser.parse(JSON.readTree("[{\"url\": \"HTTPS://Example.COM/a\"}]"), url -> url.toLowerCase());

        assertThat(rules.definition().get(0).get("url").asText()).isEqualTo("https://example.com/a");
        assertThat(rules.urls()).containsExactly("https://example.com/a");
    }

    @Test
    void nullIsNoRules() {
        assertThat(RulesParser.parse(null, UnaryOperator.identity())).isSameAs(RedirectRules.NONE);
        assertThat(RulesParser.parse(com.fasterxml.jackson.databind.node.NullNode.getInstance(), UnaryOperator.identity()))
                .isSameAs(RedirectRules.NONE);
    }
}
