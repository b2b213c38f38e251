package io.shortener.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The playbooks against real hosts: two regions of test hosts (inventories/local, see {@link TestHosts}) brought
 * up by site.yml, then upgraded, broken, rolled back, backed up and restored, each step on what the one before
 * left. The steps are the README's Operations walk-through, in its order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("ansible")
class TwoRegionRolloutIT {

    private static final String SMOKE_TARGET = "https://example.com/shortener-rollout-smoke";
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);

    private final Path work = Path.of("target/it").toAbsolutePath();
    private final Playbooks playbooks = new Playbooks(Path.of("").toAbsolutePath(), work.resolve("logs"));
    private final Path builtJar = Path.of("../shortener-service/target/shortener-service.jar").toAbsolutePath().normalize();
    private final ServiceJars jars = new ServiceJars(builtJar);
    private TestHosts hosts;
    private Http http;
    private String nextVersion;

    @BeforeAll
    void makeTheHosts() {
        hosts = TestHosts.create(playbooks, work);
        http = new Http(hosts.apiKey());
        nextVersion = jars.builtVersion() + "+it.2";
    }

    @AfterAll
    void removeTheHosts() {
        hosts.destroy();
    }

    @Test
    @Order(1)
    void theVaultHoldsTheSecretsEncrypted() throws IOException {
        String vault = Files.readString(hosts.vaultFile());

        assertThat(vault).startsWith("$ANSIBLE_VAULT;1.1;AES256").doesNotContain(hosts.apiKey());
    }

    @Test
    @Order(2)
    void siteBringsUpBothRegionsEachBehindItsLoadBalancer() {
        playbooks.play(hosts, "site.yml").requireSuccess();

        for (String region : TestHosts.LOAD_BALANCERS.keySet()) {
            HttpResponse<String> smoke = http.get(hosts.loadBalancerUrl(region) + "/rollout-smoke");
            assertThat(smoke.statusCode()).as(region).isEqualTo(302);
            assertThat(smoke.headers().firstValue("Location")).as(region).contains(SMOKE_TARGET);
        }
        // A link made in one region redirects in the other once Cassandra has carried it over.
        String code = http.createLink(hosts.loadBalancerUrl("us-east"), "https://example.com/made-in-us-east");
        HttpResponse<String> elsewhere = await("the eu-west load balancer redirects " + code,
                () -> http.get(hosts.loadBalancerUrl("eu-west") + "/" + code), response -> response.statusCode() == 302);
        assertThat(elsewhere.headers().firstValue("Location")).contains("https://example.com/made-in-us-east");
        for (String host : TestHosts.SERVICE_HOSTS) {
            assertThat(runningVersion(host)).as(host).isEqualTo(jars.builtVersion());
        }
    }

    @Test
    @Order(3)
    void aSecondSiteRunChangesNothing() {
        // One region's hosts run every role of the playbook (eu-west's run the same roles with other values, and
        // changed them as little in every run measured): half the tasks of a whole second run, on a CPU-bound suite.
        Playbooks.Run again = playbooks.playOn(hosts, "us_east:localhost", "site.yml").requireSuccess();

        assertThat(again.recap().hosts()).containsOnlyKeys("localhost", "use1-data", "use1-app1", "use1-app2");
        assertThat(again.recap().hosts()).allSatisfy((host, counts) -> assertThat(counts.changed()).as(host).isZero());
    }

    @Test
    @Order(4)
    void theServiceLimitsEachClientBehindTheLoadBalancerByItsOwnAddress() {
        // Unknown codes are limited per client address (20 at once): from one address a flood is refused with 429, while
        // another address, through the same load balancer, still gets its 404. Were X-Forwarded-For not passed on and
        // believed, both would be the load balancer's address and share one bucket.
        FromAddress flooder = new FromAddress("127.0.0.5");
        String unknown = hosts.loadBalancerUrl("us-east") + "/no-such-code-";
        int refused = 0;
        for (int i = 0; i < 60 && refused == 0; i++) {
            if (flooder.get(unknown + i) == 429) {
                refused++;
            }
        }
        assertThat(refused).as("429s for the flooding address").isPositive();
        assertThat(new FromAddress("127.0.0.6").get(unknown + "other")).as("another client's unknown code").isEqualTo(404);
    }

    @Test
    @Order(5)
    void rolloutUpgradesRegionByRegionWithoutAFailedRedirect() throws Exception {
        Path next = jars.withVersion(work.resolve("jars/shortener-service-next.jar"), nextVersion);

        Playbooks.Run rollout;
        try (RedirectProbe probe = probeBothRegions()) {
            rollout = playbooks.play(hosts, "rollout.yml", "shortener_service_jar=" + next);
            probe.close();
            assertThat(probe.failures()).as("failed redirects during the rollout").isEmpty();
            assertThat(probe.redirects()).as("redirects the probe saw (a dead probe fails no redirect)").isGreaterThan(100);
        }
        rollout.requireSuccess();
        for (String host : TestHosts.SERVICE_HOSTS) {
            assertThat(runningVersion(host)).as(host).isEqualTo(nextVersion);
            assertThat(hosts.serviceDir(host).resolve("previous.jar")).as(host + " keeps the previous release").exists();
        }
        // Host by host, us-east first: each switched its release after the one before it.
        Map<String, FileTime> switched = new LinkedHashMap<>();
        for (String host : List.of("use1-app1", "use1-app2", "euw1-app1")) {
            switched.put(host, Files.getLastModifiedTime(hosts.serviceDir(host).resolve("current.jar"), LinkOption.NOFOLLOW_LINKS));
        }
        assertThat(switched.get("use1-app1")).isLessThan(switched.get("use1-app2"));
        assertThat(switched.get("use1-app2")).isLessThan(switched.get("euw1-app1"));
        assertThat(loadBalancer("us-east").status("shortener", "use1-app1")).isEqualTo("UP");
    }

    @Test
    @Order(6)
    void aBrokenBuildStopsTheRolloutAtItsFirstHost() throws Exception {
        Path broken = jars.broken(work.resolve("jars/shortener-service-broken.jar"), jars.builtVersion() + "+it.broken");

        Playbooks.Run rollout;
        try (RedirectProbe probe = probeBothRegions()) {
            rollout = playbooks.play(hosts, "rollout.yml", "shortener_service_jar=" + broken);
            probe.close();
            assertThat(probe.failures()).as("failed redirects while the broken build was tried").isEmpty();
            assertThat(probe.redirects()).isGreaterThan(20);
        }
        assertThat(rollout.exitCode()).as("the rollout fails").isNotZero();
        assertThat(rollout.output()).contains("The rollout stopped at use1-app1").contains("rollout.yml -e rollback=true");
        assertThat(loadBalancer("us-east").status("shortener", "use1-app1")).as("the broken host is out of rotation").isEqualTo("MAINT");
        assertThat(runningVersion("use1-app2")).isEqualTo(nextVersion);
        assertThat(runningVersion("euw1-app1")).isEqualTo(nextVersion);
    }

    @Test
    @Order(7)
    void rollbackPutsThePreviousReleaseBackTheSameWay() {
        playbooks.play(hosts, "rollout.yml", "rollback=true").requireSuccess();

        for (String host : TestHosts.SERVICE_HOSTS) {
            assertThat(runningVersion(host)).as(host).isEqualTo(nextVersion);
        }
        assertThat(loadBalancer("us-east").status("shortener", "use1-app1")).isEqualTo("UP");
        assertThat(http.get(hosts.loadBalancerUrl("us-east") + "/rollout-smoke").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(8)
    void aRestoredBackupHasTheLinksAndCountsOfTheOriginal() throws IOException {
        Map<String, Integer> clicks = new LinkedHashMap<>();
        clicks.put(http.createLink(hosts.loadBalancerUrl("us-east"), "https://example.com/backup/one"), 3);
        clicks.put(http.createLink(hosts.loadBalancerUrl("eu-west"), "https://example.com/backup/two"), 2);
        for (Map.Entry<String, Integer> link : clicks.entrySet()) {
            for (int i = 0; i < link.getValue(); i++) {
                String region = i % 2 == 0 ? "us-east" : "eu-west";
                await("a redirect of " + link.getKey() + " through " + region,
                        () -> http.get(hosts.loadBalancerUrl(region) + "/" + link.getKey()), response -> response.statusCode() == 302);
            }
        }
        Map<String, JsonNode> linksBefore = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> link : clicks.entrySet()) {
            await("the count of " + link.getKey() + " reaching " + link.getValue(), () -> totalClicks(link.getKey()),
                    total -> total == link.getValue().longValue());
            linksBefore.put(link.getKey(), Http.json(http.getWithKey(linkUrl(link.getKey())).body()));
        }

        Playbooks.Run backup = playbooks.play(hosts, "backup.yml", "backup_name=drill").requireSuccess();
        assertThat(backup.output()).contains("restore with -e backup_name=drill");
        new LostData(hosts, http).lose("drill");
        for (String code : clicks.keySet()) {
            // The API keys are gone too (the stats and link reads answer 401): the redirect shows what is left.
            assertThat(http.get(hosts.loadBalancerUrl("eu-west") + "/" + code).statusCode()).as("%s after the loss", code).isEqualTo(404);
            assertThat(totalClicks(code)).as("no stats for %s after the loss", code).isEqualTo(-1);
        }
        playbooks.play(hosts, "restore.yml", "backup_name=drill").requireSuccess();

        for (Map.Entry<String, Integer> link : clicks.entrySet()) {
            HttpResponse<String> restored = await("the restored link " + link.getKey(), () -> http.getWithKey(linkUrl(link.getKey())),
                    response -> response.statusCode() == 200);
            assertThat(Http.json(restored.body())).isEqualTo(linksBefore.get(link.getKey()));
            assertThat(await("the restored count of " + link.getKey(), () -> totalClicks(link.getKey()),
                    total -> total == link.getValue().longValue())).isEqualTo(link.getValue().longValue());
        }
    }

    private String linkUrl(String code) {
        return hosts.loadBalancerUrl("us-east") + "/api/v1/links/" + code;
    }

    private long totalClicks(String code) {
        HttpResponse<String> stats = http.getWithKey(linkUrl(code) + "/stats");
        return stats.statusCode() == 200 ? Http.json(stats.body()).path("totals").path("clicks").asLong(-1) : -1;
    }

    private RedirectProbe probeBothRegions() {
        return new RedirectProbe(List.of(hosts.loadBalancerUrl("us-east") + "/rollout-smoke",
                hosts.loadBalancerUrl("eu-west") + "/rollout-smoke"), SMOKE_TARGET);
    }

    private HaproxyAdmin loadBalancer(String region) {
        return new HaproxyAdmin(hosts.loadBalancerSocket(region));
    }

    private String runningVersion(String host) {
        return Http.json(http.get(hosts.adminUrl(host) + "/version").body()).get("version").asText();
    }

    /** Asks again (every 250 ms) until the answer is the one awaited, or fails after PIPELINE_TIMEOUT with the last answer. */
    private static <T> T await(String what, Supplier<T> ask, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(PIPELINE_TIMEOUT);
        T last = null;
        RuntimeException lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = ask.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                lastError = e;
            }
            try {
                // The interval between two asks: what is awaited is the answer above, not this pause.
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("waited " + PIPELINE_TIMEOUT + " for " + what + "; last answer: " + last, lastError);
    }
}
