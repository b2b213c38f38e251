package io.shortener.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreateLinkHandlerTest {

    @Test
    void takesJsonBodiesInUtf8AndLeavesOtherContentTypesToJersey() {
        assertThat(CreateLinkHandler.isJson("application/json")).isTrue();
        assertThat(CreateLinkHandler.isJson("Application/JSON; charset=UTF-8")).isTrue();

        assertThat(CreateLinkHandler.isJson(null)).isFalse();
        assertThat(CreateLinkHandler.isJson("text/plain")).isFalse();
        assertThat(CreateLinkHandler.isJson("application/json; charset=ISO-8859-1")).isFalse();
        assertThat(CreateLinkHandler.isJson("application/json-patch+json")).isFalse();
    }

    @Test
    void answersAcceptsThatPlainlyTakeJsonAndLeavesNegotiationToJersey() {
        assertThat(CreateLinkHandler.takesJson(null)).isTrue();
        assertThat(CreateLinkHandler.takesJson("*/*")).isTrue();
        assertThat(CreateLinkHandler.takesJson("application/json, text/plain")).isTrue();

        assertThat(CreateLinkHandler.takesJson("text/html")).isFalse();
        assertThat(CreateLinkHandler.takesJson("application/json;q=0, text/html")).isFalse();
    }
}
