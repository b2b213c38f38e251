package io.shortener.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.devstack.junit.Await;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealRedisCluster;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.ForkedJvm;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.junit.RealCassandra;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code apikey create|list|revoke}, the packaged jar's command, against the keyspace a running service reads. */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class ApiKeyCommandIT {

    private static final String KEYSPACE = "apikey_command_it";
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE);

    private final ProjectHome home = ProjectHome.locate();

    /** What the command printed; it must succeed. */
    private String apikey(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.java(), "-jar", home.serviceJar().toString(), "apikey"));
        command.addAll(List.of(arguments));
        command.add(home.serviceConfig().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "SHORTENER_CASSANDRA_CONTACT_POINTS", RealCassandra.ENDPOINT.contactPoint(),
                "SHORTENER_CASSANDRA_DC", RealCassandra.ENDPOINT.datacenter(),
                "SHORTENER_CASSANDRA_KEYSPACE", KEYSPACE));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void createPrintsTheKeyAloneOnItsLastLineListShowsItAndRevokeEndsIt() throws Exception {
        String name = "cli-" + System.nanoTime();

        String created = apikey("create", "--name", name, "--scopes", "links:read,stats:read", "--account", "analysts");
        List<String> lines = created.lines().filter(line -> !line.isBlank()).toList();
        String key = lines.get(lines.size() - 1);
        assertThat(ApiKeySecrets.looksLikeKey(key)).as(created).isTrue();

        Http holder = new Http(APP.getLocalPort(), key);
        assertThat(holder.get("/api/v1/keys/current").body()).contains(name).contains("analysts").contains("links:read")
                .doesNotContain("links:write");
        assertThat(holder.postJson("/api/v1/links", "{\"url\": \"https://example.com/x\"}").statusCode()).isEqualTo(403);

        String listed = apikey("list");
        assertThat(listed).contains(name).contains(ApiKeySecrets.displayPrefix(key)).doesNotContain(key);

        assertThat(apikey("revoke", "--name", name)).contains("revoked " + name);
        Await.until("the revoked key refused", Duration.ofSeconds(15), () -> holder.get("/api/v1/keys/current").statusCode() == 401);
        assertThat(apikey("list")).contains("revoked");
    }
}
