package io.shortener.transfer;

import static io.shortener.ErrorAssertions.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.shortener.Http;
import io.shortener.ShortenerConfiguration;
import io.shortener.TestApps;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSV out and in: an export that the import reads back into another deployment (its own keyspace), the
 * exports of Shlink and Bitly, idempotent re-imports, and a refusal per bad row.
 */
@ExtendWith({RealCassandra.class, RealRedisCluster.class, RealKafka.class, DropwizardExtensionsSupport.class})
@Tag("links")
class LinkTransferIT {

    private static final DropwizardAppExtension<ShortenerConfiguration> SOURCE = TestApps.shortener(TestApps.SHARED_KEYSPACE);
    private static final DropwizardAppExtension<ShortenerConfiguration> TARGET = TestApps.shortener("it_transfer_target");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http source = new Http(SOURCE.getLocalPort());
    private final Http target = new Http(TARGET.getLocalPort());
    private final String run = Long.toString(System.nanoTime(), 36);

    private static HttpResponse<String> importCsv(Http http, String csv) {
        return http.post("/api/v1/links/import", "text/csv", csv);
    }

    private static JsonNode imported(Http http, String csv) throws Exception {
        HttpResponse<String> answer = importCsv(http, csv);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static List<Integer> statuses(JsonNode answer) {
        List<Integer> statuses = new ArrayList<>();
        answer.get("results").forEach(result -> statuses.add(result.get("status").asInt()));
        return statuses;
    }

    private static JsonNode link(Http http, String code) throws Exception {
        HttpResponse<String> read = http.get("/api/v1/links/" + code);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return JSON.readTree(read.body());
    }

    @Test
    void anExportIsStreamedCsvThatAnotherDeploymentImportsWholeAndOnlyOnce() throws Exception {
        String tag = "export-" + run;
        List<String> codes = new ArrayList<>();
        codes.add(JSON.readTree(source.postJson("/api/v1/links", "{\"url\": \"https://example.com/a?x=1,2\", \"alias\": \"ex-a-" + run
                + "\", \"title\": \"Commas, \\\"quotes\\\" and more\", \"tags\": [\"" + tag + "\", \"two\"]}").body()).get("code").asText());
        codes.add(JSON.readTree(source.postJson("/api/v1/links", "{\"url\": \"https://example.com/b\", \"tags\": [\"" + tag + "\"], "
                + "\"expiresAt\": \"2099-01-01T00:00:00Z\", \"redirectType\": 301}").body()).get("code").asText());

        HttpResponse<String> export = source.get("/api/v1/links/export?tag=" + tag);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"links.csv\"");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(export.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("code")).containsExactly(codes.get(1), codes.get(0));
        assertThat(rows.get(1).get("title")).isEqualTo("Commas, \"quotes\" and more");
        assertThat(rows.get(1).get("tags")).isEqualTo(tag + "|two");
        assertThat(rows.get(1).get("long_url")).isEqualTo("https://example.com/a?x=1,2");
        assertThat(rows.get(0).get("redirect_type")).isEqualTo("301");

        JsonNode first = imported(target, export.body());
        JsonNode again = imported(target, export.body());

        assertThat(statuses(first)).containsExactly(201, 201);
        assertThat(statuses(again)).as("a re-import changes nothing").containsExactly(200, 200);
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        // A generated code could one day be generated here too: it gets a code derived from it, the same at every import.
        JsonNode renamed = first.get("results").get(0);
        assertThat(renamed.get("from").asText()).isEqualTo(codes.get(1));
        assertThat(renamed.get("code").asText()).startsWith("imp-").isEqualTo(again.get("results").get(0).get("code").asText());
        assertThat(link(target, renamed.get("code").asText()).get("redirectType").asInt()).isEqualTo(301);
        assertThat(first.get("results").get(1).get("code").asText()).as("an alias is kept").isEqualTo(codes.get(0));
        assertThat(first.get("results").get(1).has("from")).isFalse();
        JsonNode copy = link(target, codes.get(0));
        JsonNode original = link(source, codes.get(0));
        assertThat(copy.get("url")).isEqualTo(original.get("url"));
        assertThat(copy.get("title")).isEqualTo(original.get("title"));
        assertThat(copy.get("tags")).isEqualTo(original.get("tags"));
        assertThat(copy.get("createdAt")).as("the created date travels").isEqualTo(original.get("createdAt"));
        assertThat(target.get("/" + codes.get(0)).headers().firstValue("Location")).hasValue("https://example.com/a?x=1,2");
    }

    @Test
    void importsAShlinkCsvWithItsColumnsAndPipeSeparatedTags() throws Exception {
        String csv = "Long URL,Short code,Domain,Title,Tags\r\n"
                + "https://shlink.example/one,sh1-" + run + ",,First,news|Launch\r\n"
                + "https://shlink.example/two,sh2-" + run + ",,,\r\n";

        JsonNode answer = imported(target, csv);

        assertThat(statuses(answer)).containsExactly(201, 201);
        JsonNode one = link(target, "sh1-" + run);
        assertThat(one.get("url").asText()).isEqualTo("https://shlink.example/one");
        assertThat(one.get("title").asText()).isEqualTo("First");
        assertThat(one.get("tags")).extracting(JsonNode::asText).containsExactly("launch", "news");
        assertThat(link(target, "sh2-" + run).get("title").isNull()).isTrue();
    }

    @Test
    void importsABitlyExportKeepingItsBackHalfAndItsCreatedDate() throws Exception {
        String csv = "title,long_url,link,created_at,tags\n"
                + "Old one,https://bitly.example/old,bit.ly/b1" + run + ",2021-03-04T10:20:30+0000,\"archive, 2021\"\n"
                + "Newer,https://bitly.example/new,https://bit.ly/b2" + run + "/,2024-05-06 07:08:09,\n";

        JsonNode answer = imported(target, csv);

        assertThat(statuses(answer)).containsExactly(201, 201);
        JsonNode old = link(target, "b1" + run);
        assertThat(old.get("createdAt").asText()).isEqualTo("2021-03-04T10:20:30Z");
        assertThat(old.get("tags")).extracting(JsonNode::asText).containsExactly("2021", "archive");
        assertThat(link(target, "b2" + run).get("createdAt").asText()).isEqualTo("2024-05-06T07:08:09Z");
        JsonNode listed = JSON.readTree(target.get("/api/v1/links?createdFrom=2021-03-04&createdTo=2021-03-05&q=b1" + run).body());
        assertThat(listed.get("links")).extracting(node -> node.get("code").asText()).containsExactly("b1" + run);
    }

    @Test
    void aRowWithoutACodeGetsOneDerivedFromItsUrlSoThatARepeatFindsIt() throws Exception {
        String csv = "url,title\nhttps://nocode.example/" + run + ",No code\nhttps://nocode.example/" + run + ",The same URL again\n";

        JsonNode answer = imported(target, csv);

        assertThat(statuses(answer)).containsExactly(201, 200);
        String code = answer.get("results").get(0).get("code").asText();
        assertThat(code).startsWith("imp-").isEqualTo(answer.get("results").get(1).get("code").asText());
        assertThat(statuses(imported(target, csv))).containsExactly(200, 200);
    }

    @Test
    void aBadRowIsRefusedOnItsOwnWithItsLineAndTheOthersGoIn() throws Exception {
        String taken = "taken-" + run;
        assertThat(source.postJson("/api/v1/links", "{\"url\": \"https://example.com/mine\", \"alias\": \"" + taken + "\"}").statusCode()).isEqualTo(201);
        String csv = "long_url,code,created_at\n"
                + "https://ok.example/1,ok1-" + run + ",\n"
                + ",nourl-" + run + ",\n"
                + "ftp://bad.example/,badurl-" + run + ",\n"
                + "https://ok.example/2,baddate-" + run + ",yesterday\n"
                + "https://ok.example/3,api,\n"
                + "https://other.example/,"+ taken + ",\n"
                + "https://ok.example/4,ok2-" + run + ",2099-01-01T00:00:00Z\n"
                + "https://ok.example/5,ok3-" + run + ",\n";

        JsonNode answer = imported(source, csv);

        assertThat(statuses(answer)).containsExactly(201, 400, 400, 400, 400, 409, 400, 201);
        assertThat(answer.get("results").get(1).get("line").asLong()).as("lines counted with the header as 1").isEqualTo(3);
        assertThat(answer.get("results").get(1).get("error").get("message").asText()).contains("long URL");
        assertThat(answer.get("results").get(6).get("error").get("message").asText()).contains("future");
        assertThat(answer.get("created").asInt()).isEqualTo(2);
        assertThat(answer.get("failed").asInt()).isEqualTo(6);
        assertThat(source.get("/api/v1/links/nourl-" + run).statusCode()).isEqualTo(404);
        assertThat(source.get("/" + taken).headers().firstValue("Location")).as("someone's alias untouched").hasValue("https://example.com/mine");
    }

    @Test
    void whatIsNotACsvOfLinksIsRefusedWhole() throws Exception {
        assertJsonError(importCsv(source, "name,colour\nx,red\n"), 400);
        assertJsonError(importCsv(source, ""), 400);
        assertJsonError(importCsv(source, "long_url\n"), 400);
        assertJsonError(importCsv(source, "long_url\n\"unterminated\n"), 400);
        assertJsonError(source.postJson("/api/v1/links/import", "[{\"url\": \"https://example.com\"}]"), 415);
        assertJsonError(source.anonymous().post("/api/v1/links/import", "text/csv", "long_url\nhttps://example.com/\n"), 401);
        assertJsonError(source.get("/api/v1/links/export?limit=0&createdFrom=later"), 400);
        assertJsonError(source.anonymous().get("/api/v1/links/export"), 401);
    }
}
