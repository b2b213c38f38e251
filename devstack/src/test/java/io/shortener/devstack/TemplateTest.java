package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void fillsEveryPlaceholder() {
        assertThat(Template.render("listen_address: {{address}}\nseeds: \"{{address}},{{seeds}}\"",
                Map.of("address", "127.0.0.2", "seeds", "127.0.0.1")))
                .isEqualTo("listen_address: 127.0.0.2\nseeds: \"127.0.0.2,127.0.0.1\"");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThatThrownBy(() -> Template.render("dc={{datacenter}}", Map.of()))
                .hasMessageContaining("{{datacenter}}");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(Template.render("path: {{dir}}", Map.of("dir", "/a/$1/b\\c"))).isEqualTo("path: /a/$1/b\\c");
    }
}
