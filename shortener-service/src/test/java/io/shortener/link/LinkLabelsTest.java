package io.shortener.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkLabelsTest {

    @Test
    void aTitleIsTrimmedAndABlankOneIsNone() {
        assertThat(LinkLabels.title("  Spring launch ")).isEqualTo("Spring launch");
        assertThat(LinkLabels.title("   ")).isNull();
        assertThat(LinkLabels.title(null)).isNull();
        assertThat(LinkLabels.title("Ünïcödé – 春")).isEqualTo("Ünïcödé – 春");
    }

    @Test
    void aTitleMayNotBeLongOrHoldControlCharacters() {
        assertThat(LinkLabels.title("t".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> LinkLabels.title("t".repeat(201))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> LinkLabels.title("a\nb")).isInstanceOf(ApiException.class);
    }

    @Test
    void tagsAreLowerCaseSortedAndDistinct() {
        assertThat(LinkLabels.tags(List.of("Promo", " launch", "LAUNCH", "q4:2026", "Été"))).containsExactly("launch", "promo", "q4:2026", "été");
        assertThat(LinkLabels.tags(null)).isEmpty();
    }

    @Test
    void refusesTagsItCannotKeep() {
        assertThatThrownBy(() -> LinkLabels.tags(Arrays.asList("ok", null))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> LinkLabels.tags(List.of("-dash-first"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> LinkLabels.tags(List.of("g".repeat(51)))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> LinkLabels.tags(List.of("semi;colon"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> LinkLabels.tags(Collections.nCopies(21, "x"))).hasMessageContaining("at most 20");
    }
}
