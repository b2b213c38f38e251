package io.shortener.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** ClickHouse's HTTP interface: statements and queries with nothing but a URL (no driver on the classpath). */
public final class ClickHouseHttp {

    private final String httpUrl;
    private final ClickHouseCredentials credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** As the user the environment names ({@link ClickHouseCredentials#fromEnvironment()}), or the default user. */
    public ClickHouseHttp(String httpUrl) {
        this(httpUrl, ClickHouseCredentials.fromEnvironment());
    }

    public ClickHouseHttp(String httpUrl, ClickHouseCredentials credentials) {
        this.httpUrl = httpUrl;
        this.credentials = credentials;
    }

    /** Runs one statement in a database (null: none); a ClickHouse error becomes an exception carrying the server's message. */
    public String execute(String database, String sql) {
        String url = httpUrl + "/" + (database == null ? "" : "?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8));
        return post(url, HttpRequest.BodyPublishers.ofString(sql), Duration.ofSeconds(30), "ClickHouse refused: " + sql + "\n");
    }

    /**
     * Inserts tab-separated rows (see {@link TabSeparatedRows}) into a table: one request, one part on
     * the server. The columns are the rows' fields, in order.
     */
    public void insert(String database, String table, List<String> columns, TabSeparatedRows rows) {
        if (rows.count() == 0) {
            return;
        }
        String query = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT TabSeparated";
        String url = httpUrl + "/?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        post(url, HttpRequest.BodyPublishers.ofByteArray(rows.bytes()), Duration.ofSeconds(60),
                "ClickHouse refused " + rows.count() + " rows into " + table + ": ");
    }

    private String post(String url, HttpRequest.BodyPublisher body, Duration timeout, String refusal) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).POST(body);
            credentials.authorization().ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(refusal + response.body().strip());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("ClickHouse at " + httpUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A query's rows, each value as ClickHouse prints it (tab-separated, no escapes expected). */
    public List<List<String>> rows(String database, String query) {
        String body = execute(database, query + "\nFORMAT TSV");
        return body.lines().filter(line -> !line.isEmpty()).map(line -> Arrays.asList(line.split("\t", -1))).toList();
    }
}
