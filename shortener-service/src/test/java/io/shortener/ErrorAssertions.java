package io.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** The one error shape every refusal must have: JSON {"code": status, "message": "..."}, nothing from the inside. */
public final class ErrorAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorAssertions() {
    }

    public static JsonNode assertJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode error;
        try {
            error = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
        assertThat(error.get("code").asInt()).isEqualTo(status);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at io.");
        return error;
    }
}
