package io.shortener.listing;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.access.ApiKey;
import io.shortener.access.ApiKeySecrets;
import io.shortener.access.ApiKeyStore;
import io.shortener.access.Scope;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import io.shortener.link.CassandraLinkStore;
import io.shortener.link.Link;
import io.shortener.link.RedirectType;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/links} against a real Cassandra: an account's links, newest first, a page at a time
 * with opaque cursors; by tag, by creation window and by a search in code, title and host; and only the
 * caller's own account's. The big account's links are written by the service's own store (the same
 * logged batch as a create) with creation times spread over 63 hours, so pages cross hour partitions.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class LinkListIT {

    private static final String KEYSPACE = TestApps.SHARED_KEYSPACE;
    /** A search's budget of rows a request (links.searchScanBudget), overrun by the big account. */
    private static final int SEARCH_BUDGET = 500;
    private static final DropwizardAppExtension<ShortenerConfiguration> APP = TestApps.shortener(KEYSPACE,
            "links.searchScanBudget", String.valueOf(SEARCH_BUDGET));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiKeySecrets SECRETS = new ApiKeySecrets(new SecureRandom());
    private static final int BIG = 1_050;
    private static final Instant BIG_START = Instant.parse("2026-03-01T00:00:00Z");

    private static CqlSession cql;
    private static ApiKeyStore keys;
    /** The big account's links, newest first, as the list must give them. */
    private static List<Link> bigAccount;
    private static Http big;

    @BeforeAll
    static void bigAccount() throws Exception {
        cql = TestApps.cql();
        keys = new ApiKeyStore(cql, KEYSPACE);
        String account = "big-" + System.nanoTime();
        big = new Http(APP.getLocalPort(), newKey(account, EnumSet.of(Scope.LINKS_READ)));
        CassandraLinkStore store = new CassandraLinkStore(cql, KEYSPACE, List.of(), java.time.Clock.systemUTC());
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < BIG; i++) {
            // A link every 216 s over 63 hours; every fifth shares its second with the one before (the ID orders them).
            Instant createdAt = BIG_START.plusSeconds(216L * (i - i % 5 / 4));
            links.add(new Link("big" + i, 1_000_000L + i, "https://host" + i % 7 + ".example/page/" + i, createdAt, null,
                    RedirectType.FOUND, true, account, i == 0 ? "the very first" : null, i % 3 == 0 ? List.of("third") : List.of()));
        }
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (Link link : links) {
                writes.add(writers.submit(() -> store.insert(link)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        links.sort(Comparator.comparing(Link::createdAt).thenComparing(Link::id).reversed());
        bigAccount = List.copyOf(links);
    }

    @AfterAll
    static void close() {
        cql.close();
    }

    private static String newKey(String account, Set<Scope> scopes) {
        String key = SECRETS.generate();
        keys.create(new ApiKey(ApiKeySecrets.hash(key), account + "-" + System.nanoTime(), account, scopes,
                ApiKeySecrets.displayPrefix(key), Instant.now(), null, null));
        return key;
    }

    private static Http newAccount() {
        return new Http(APP.getLocalPort(), newKey("acct-" + System.nanoTime(), EnumSet.of(Scope.LINKS_READ, Scope.LINKS_WRITE)));
    }

    private static JsonNode list(Http http, String query) throws Exception {
        HttpResponse<String> page = http.get("/api/v1/links" + (query.isEmpty() ? "" : "?" + query));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return JSON.readTree(page.body());
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("links").forEach(link -> codes.add(link.get("code").asText()));
        return codes;
    }

    /** Every page of a query, following nextCursor to the end; the codes in the order given, and how many pages. */
    private static List<List<String>> allPages(Http http, String query) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            String withCursor = query + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = list(http, withCursor);
            pages.add(codes(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            assertThat(pages).as("pages of " + query).hasSizeLessThan(200);
        } while (cursor != null);
        return pages;
    }

    private static List<String> flat(List<List<String>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }

    @Test
    void listsTheAccountsLinksNewestFirstWithTitleAndTags() throws Exception {
        Http http = newAccount();
        String first = http.createLink("{\"url\": \"https://example.com/one\"}").get("code").asText();
        String second = http.createLink("{\"url\": \"https://example.com/two\", \"alias\": \"list-two-" + System.nanoTime() + "\"}").get("code").asText();
        JsonNode third = http.createLink("{\"url\": \"https://example.com/three\", \"title\": \"  Spring launch  \", \"tags\": [\"Launch\", \"promo\", \"launch\"]}");
        assertThat(third.get("title").asText()).isEqualTo("Spring launch");
        assertThat(third.get("tags")).extracting(JsonNode::asText).containsExactly("launch", "promo");

        JsonNode page = list(http, "");

        assertThat(codes(page)).containsExactly(third.get("code").asText(), second, first);
        assertThat(page.get("nextCursor").isNull()).isTrue();
        JsonNode newest = page.get("links").get(0);
        assertThat(newest.get("url").asText()).isEqualTo("https://example.com/three");
        assertThat(newest.get("shortUrl").asText()).endsWith("/" + third.get("code").asText());
        assertThat(newest.get("title").asText()).isEqualTo("Spring launch");
        assertThat(newest.get("tags")).extracting(JsonNode::asText).containsExactly("launch", "promo");
        assertThat(newest.get("redirectType").asInt()).isEqualTo(302);
        assertThat(page.get("links").get(2).get("title").isNull()).isTrue();
        assertThat(page.get("links").get(2).get("tags")).isEmpty();
        // The read of one link shows the same.
        JsonNode read = JSON.readTree(http.get("/api/v1/links/" + third.get("code").asText()).body());
        assertThat(read.get("title").asText()).isEqualTo("Spring launch");
        assertThat(read.get("tags")).extracting(JsonNode::asText).containsExactly("launch", "promo");
    }

    @Test
    void pagesThroughThousandsOfLinksNewestFirstWithNoDuplicatesOrGaps() throws Exception {
        List<List<String>> pages = allPages(big, "limit=97");

        assertThat(flat(pages)).containsExactlyElementsOf(bigAccount.stream().map(Link::code).toList());
        assertThat(pages).hasSize((BIG + 96) / 97);
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(97));
    }

    @Test
    void aCreationWindowListsOnlyTheLinksMadeInIt() throws Exception {
        Instant from = BIG_START.plus(20, ChronoUnit.HOURS);
        Instant to = BIG_START.plus(31, ChronoUnit.HOURS).plusSeconds(30);
        List<String> expected = bigAccount.stream()
                .filter(link -> !link.createdAt().isBefore(from) && link.createdAt().isBefore(to)).map(Link::code).toList();

        List<String> listed = flat(allPages(big, "limit=150&createdFrom=" + from + "&createdTo=" + to));

        assertThat(expected).as("more than a page of 150").hasSizeGreaterThan(150);
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(flat(allPages(big, "limit=500&createdFrom=2026-03-02&createdTo=2026-03-03"))).containsExactlyElementsOf(bigAccount.stream()
                .filter(link -> link.createdAt().toString().startsWith("2026-03-02")).map(Link::code).toList());
    }

    @Test
    void aTagListsOnlyItsLinksNewestFirst() throws Exception {
        List<String> expected = bigAccount.stream().filter(link -> link.tags().contains("third")).map(Link::code).toList();

        assertThat(flat(allPages(big, "tag=third&limit=200"))).containsExactlyElementsOf(expected);
        assertThat(flat(allPages(big, "tag=THIRD&limit=500"))).as("tags ignore case").containsExactlyElementsOf(expected);
        assertThat(list(big, "tag=none-such").get("links")).isEmpty();
    }

    /**
     * A search reads at most a bounded slice per request: over 1,050 links and a budget of 500 rows, the one match (the oldest link)
     * comes after pages that are empty but go on. The positive control: it is found at all.
     */
    @Test
    void aSearchReadsABoundedSliceAtATimeAndItsCursorGoesOnToTheMatch() throws Exception {
        List<List<String>> pages = allPages(big, "q=VERY%20FIRST");

        assertThat(flat(pages)).containsExactly("big0");
        assertThat(pages.size()).as("requests a search of 1,050 rows took").isGreaterThan(1);
        assertThat(pages.get(0)).isEmpty();
    }

    @Test
    void aSearchMatchesTheCodeTheTitleOrTheHost() throws Exception {
        Http http = newAccount();
        String alias = "findme-" + System.nanoTime();
        String byCode = http.createLink("{\"url\": \"https://a.example/x\", \"alias\": \"" + alias + "\"}").get("code").asText();
        String byTitle = http.createLink("{\"url\": \"https://b.example/x\", \"title\": \"Quarterly REPORT\"}").get("code").asText();
        String byHost = http.createLink("{\"url\": \"https://docs.report-site.example/findme\"}").get("code").asText();
        http.createLink("{\"url\": \"https://c.example/report\"}");

        assertThat(codes(list(http, "q=" + alias.toUpperCase()))).containsExactly(byCode);
        assertThat(codes(list(http, "q=report"))).containsExactly(byHost, byTitle);
        assertThat(codes(list(http, "q=findme"))).as("the code, not the URL's path").containsExactly(byCode);
    }

    @Test
    void aDeletedLinkLeavesEveryListItWasIn() throws Exception {
        Http http = newAccount();
        String kept = http.createLink("{\"url\": \"https://example.com/kept\", \"tags\": [\"t\"]}").get("code").asText();
        String gone = http.createLink("{\"url\": \"https://example.com/gone\", \"tags\": [\"t\", \"u\"]}").get("code").asText();

        assertThat(http.delete("/api/v1/links/" + gone).statusCode()).isEqualTo(204);

        assertThat(codes(list(http, ""))).containsExactly(kept);
        assertThat(codes(list(http, "tag=t"))).containsExactly(kept);
        assertThat(list(http, "tag=u").get("links")).isEmpty();
    }

    @Test
    void aCallerSeesOnlyItsOwnAccountsLinksAndNeedsLinksRead() throws Exception {
        Http owner = newAccount();
        owner.createLink("{\"url\": \"https://example.com/mine\"}");
        Http stranger = newAccount();

        assertThat(list(stranger, "").get("links")).isEmpty();
        assertJsonError(owner.withKey(newKey("stats-only-" + System.nanoTime(), EnumSet.of(Scope.STATS_READ))).get("/api/v1/links"), 403);
        assertJsonError(owner.anonymous().get("/api/v1/links"), 401);
    }
}
