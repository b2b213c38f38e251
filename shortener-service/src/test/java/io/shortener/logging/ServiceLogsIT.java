package io.shortener.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.FromAddress;
import io.shortener.Http;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.Ports;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.ServiceProcess;
import io.shortener.devstack.ServiceSettings;
import io.shortener.devstack.ServiceTargets;
import io.shortener.devstack.StackDefinition;
import io.shortener.devstack.junit.Await;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged service's own output, as an operator's log shipper reads it: one JSON object a line, a
 * request line (every request here: the sample rate set to 1) carrying the request id the response
 * carried, and no client address anywhere, neither the connection's nor a forwarded one.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, RealClickHouse.class})
@Tag("clicks")
class ServiceLogsIT {

    private static final String CLIENT = "127.0.0.9";
    private static final String FORWARDED = "203.0.113.77";

    private final ProjectHome home = ProjectHome.locate();
    private final ServiceProcess service = new ServiceProcess(home, home.stackDir("test-logs"),
            new ServiceSettings("127.0.0.1", Ports.free(), Ports.free()));
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void tearDown() {
        service.stop();
    }

    @Test
    void everyLineIsJsonARequestLineCarriesItsIdAndNoLineHoldsAClientAddress() throws Exception {
        service.wipe();
        LocalProcess running = service.start(ServiceTargets.of(StackDefinition.test(), StackDefinition.test().region()),
                Map.of("SHORTENER_REQUEST_LOG_SAMPLE", "1.0"));
        String code = json.readTree(new Http(service.settings().httpPort(), service.apiKey())
                .postJson("/api/v1/links", "{\"url\": \"https://example.com/logged\"}").body()).get("code").asText();
        FromAddress client = new FromAddress(CLIENT, service.settings().httpPort());

        FromAddress.Answer traced = client.get("/" + code, "X-Request-Id", "trace-logs-1", "X-Forwarded-For", FORWARDED);
        FromAddress.Answer untraced = client.get("/no-such-code-here", "X-Forwarded-For", FORWARDED);
        FromAddress.Answer invalid = client.get("/" + code, "X-Request-Id", "not a token\u00e9");

        assertThat(traced.status()).isEqualTo(302);
        assertThat(traced.header("X-Request-Id")).isEqualTo("trace-logs-1");
        assertThat(untraced.status()).isEqualTo(404);
        assertThat(untraced.header("X-Request-Id")).matches("[0-9a-f]{16}");
        assertThat(invalid.header("X-Request-Id")).matches("[0-9a-f]{16}");

        JsonNode redirect = awaitRequestLine(running, "trace-logs-1");
        assertThat(redirect.path("level").asText()).isEqualTo("INFO");
        assertThat(redirect.path("mdc").path("route").asText()).isEqualTo("redirect");
        assertThat(redirect.path("mdc").path("status").asText()).isEqualTo("302");
        assertThat(redirect.path("message").asText()).startsWith("GET /" + code + " 302 in ");
        JsonNode notFound = awaitRequestLine(running, untraced.header("X-Request-Id"));
        assertThat(notFound.path("mdc").path("status").asText()).isEqualTo("404");

        List<String> lines = lines(running);
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonNode parsed = json.readTree(line);
            assertThat(parsed.isObject()).as(line).isTrue();
            assertThat(parsed.path("timestamp").asText()).as(line).isNotEmpty();
            assertThat(parsed.path("level").asText()).as(line).isNotEmpty();
            assertThat(parsed.path("logger").asText()).as(line).isNotEmpty();
        });
        assertThat(lines).noneMatch(line -> line.contains(CLIENT)).noneMatch(line -> line.contains(FORWARDED));
    }

    /** The request log's line with this request id, once the asynchronous appender has written it. */
    private JsonNode awaitRequestLine(LocalProcess running, String requestId) {
        return Await.until("the request line of " + requestId, Duration.ofSeconds(20), () -> lines(running).stream().map(this::parse)
                        .filter(line -> line.path("logger").asText().equals("io.shortener.requests")
                                && requestId.equals(line.path("mdc").path(RequestIds.MDC_KEY).asText()))
                        .findFirst(), Optional::isPresent).orElseThrow();
    }

    private List<String> lines(LocalProcess running) {
        try {
            return Files.readAllLines(running.logFile()).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }
}
