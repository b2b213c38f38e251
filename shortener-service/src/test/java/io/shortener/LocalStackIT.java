package io.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.clickhouse.AnalystQuery;
import io.shortener.devstack.CassandraNodeSettings;
import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.devstack.StackSecrets;
import io.shortener.devstack.ClickHouseSettings;
import io.shortener.devstack.Devstack;
import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.Ports;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.RedisClusterSettings;
import io.shortener.devstack.ServiceSettings;
import io.shortener.devstack.SparkJobSettings;
import io.shortener.devstack.StackDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What `bin/shortener up` and `down` do, end to end, on a stack of its own (Cassandra, a Redis Cluster,
 * Kafka and ClickHouse on 127.0.0.12, the analytics job, the packaged service jar on free ports): a link
 * survives the whole system going down and up again, and its clicks become numbers in the stats API
 * and in ClickHouse.
 */
@Tag("clicks")
class LocalStackIT {

    private final ProjectHome home = ProjectHome.locate();
    private final StackDefinition stack = StackDefinition.singleRegion("e2e",
            CassandraNodeSettings.single("shortener-e2e", "node1", "127.0.0.12", 17399, true),
            RedisClusterSettings.threeByTwo("e2e", "127.0.0.12", 16379),
            KafkaBrokerSettings.single("e2e", "127.0.0.12"),
            ClickHouseSettings.on("127.0.0.12"),
            SparkJobSettings.test(),
            new ServiceSettings("127.0.0.1", Ports.free(), Ports.free()));
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Devstack devstack = new Devstack(home, stack, new PrintStream(output, true, StandardCharsets.UTF_8));
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void tearDown() {
        devstack.wipe();
    }

    @Test
    void aCreatedLinkRedirectsReadsBackAndStillRedirectsAfterDownAndUp() throws Exception {
        devstack.wipe();
        devstack.up();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("shortener is up").contains(stack.region().service().publicBaseUrl());
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("API key").contains(StackSecrets.API_KEY_FILE);
        // The stack's development key, which up wrote and gave its service: every scope.
        Http http = new Http(stack.region().service().httpPort(), new StackSecrets(home.stackDir(stack.name())).apiKey());
        assertThat(http.anonymous().postJson("/api/v1/links", "{\"url\": \"https://example.com/no-key\"}").statusCode()).isEqualTo(401);

        HttpResponse<String> created = http.postJson("/api/v1/links", "{\"url\": \"https://example.com/survivor\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = json.readTree(created.body()).get("code").asText();
        assertThat(http.get("/" + code).statusCode()).isEqualTo(302);
        assertThat(http.get("/api/v1/links/" + code).statusCode()).isEqualTo(200);

        devstack.down();
        devstack.up();

        HttpResponse<String> redirect = http.get("/" + code);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://example.com/survivor");

        // Three redirects in all, one by a crawler: the pipeline `up` started counts them.
        assertThat(http.get("/" + code, "User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)").statusCode()).isEqualTo(302);
        JsonNode totals = StatsPolling.awaitClicks(http, code, 3, Duration.ofSeconds(150)).get("totals");
        assertThat(totals.get("clicks").asLong()).isEqualTo(3);
        assertThat(totals.get("botClicks").asLong()).isEqualTo(1);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String sql = new AnalystQuery(home.clickHouseQueries(), "bot_share").render(Map.of("from", today,
                "to", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()));
        assertThat(new ClickHouseHttp(stack.clickhouse().httpUrl()).rows(stack.clickhouse().database(), sql)).containsExactly(List.of(code, "3", "1", "0.3333"));

        assertThat(http.delete("/api/v1/links/" + code).statusCode()).isEqualTo(204);
        assertThat(http.get("/" + code).statusCode()).isEqualTo(404);
    }
}
