package io.shortener.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UtmParametersTest {

    private static Map<String, String> utm(String... pairs) {
        Map<String, String> utm = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            utm.put(pairs[i], pairs[i + 1]);
        }
        return utm;
    }

    @Test
    void addsTheParametersAfterTheOthersAndBeforeTheFragment() {
        assertThat(UtmParameters.merge("https://example.com/p?b=2&a=1#top", utm("source", "news", "medium", "email")))
                .isEqualTo("https://example.com/p?b=2&a=1&utm_source=news&utm_medium=email#top");
        assertThat(UtmParameters.merge("https://example.com", utm("campaign", "spring")))
                .isEqualTo("https://example.com?utm_campaign=spring");
    }

    @Test
    void replacesAParameterInPlaceAndLeavesTheOthersEncodingAlone() {
        assertThat(UtmParameters.merge("https://example.com/?q=a%20b&utm_source=old&x=%2F&utm_source=older", utm("source", "new")))
                .isEqualTo("https://example.com/?q=a%20b&utm_source=new&x=%2F");
    }

    @Test
    void encodesValuesAsRfc3986WithoutPlusForSpaces() {
        assertThat(UtmParameters.merge("https://example.com/", utm("campaign", "Spring sale & more/ü")))
                .isEqualTo("https://example.com/?utm_campaign=Spring%20sale%20%26%20more%2F%C3%BC");
    }

    @Test
    void aNullFieldRemovesItsParameter() {
        Map<String, String> remove = new HashMap<>();
        remove.put("source", null);

        assertThat(UtmParameters.merge("https://example.com/?utm_source=x&keep=1", remove)).isEqualTo("https://example.com/?keep=1");
        assertThat(UtmParameters.merge("https://example.com/?utm_source=x", remove)).isEqualTo("https://example.com/");
    }

    @Test
    void noUtmLeavesTheUrlAsItIs() {
        assertThat(UtmParameters.merge("https://example.com/?a=1&&b", null)).isEqualTo("https://example.com/?a=1&&b");
        assertThat(UtmParameters.merge("https://example.com/?a=1&&b", utm())).isEqualTo("https://example.com/?a=1&&b");
    }

    @Test
    void refusesUnknownFieldsAndUnusableValues() {
        assertThatThrownBy(() -> UtmParameters.merge("https://example.com/", utm("id", "1"))).isInstanceOf(ApiException.class)
                .hasMessageContaining("source, medium, campaign, term and content");
        assertThatThrownBy(() -> UtmParameters.merge("https://example.com/", utm("source", " "))).hasMessageContaining("utm.source");
        assertThatThrownBy(() -> UtmParameters.merge("https://example.com/", utm("term", "t".repeat(201)))).hasMessageContaining("utm.term");
        assertThatThrownBy(() -> UtmParameters.merge("https://example.com/", utm("term", "a\nb"))).hasMessageContaining("utm.term");
    }
}
