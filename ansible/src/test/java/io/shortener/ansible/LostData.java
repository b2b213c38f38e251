package io.shortener.ansible;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The restore drill's disaster, made in place: every table a backup holds emptied (Cassandra's truncated,
 * ClickHouse's partitions dropped) and every cache level flushed (each Redis Cluster node, each instance's
 * local cache), so that whatever answers afterwards can only have come back through restore.yml. The tables
 * stay as site.yml made them, which is what restore.yml asks of a cluster: schema in place, no data.
 * (Re-provisioning hosts from nothing is what site.yml's own test does; doing it again here took four minutes.)
 */
final class LostData {

    private static final int CQL_PORT = 19042;
    private static final int CLICKHOUSE_PORT = 18123;
    private static final List<Integer> REDIS_PORTS = List.of(17001, 17002, 17003);

    private final TestHosts hosts;
    private final Http http;

    LostData(TestHosts hosts, Http http) {
        this.hosts = hosts;
        this.http = http;
    }

    /** Empties what the backup {@code name} holds, and the caches in front of it. */
    void lose(String name) {
        Path backup = hosts.backups().resolve(name);
        truncateCassandra(folders(backup.resolve("cassandra/use1-data")));
        dropClickHousePartitions(folders(backup.resolve("clickhouse")));
        flushCaches();
    }

    private void truncateCassandra(List<String> tables) {
        // TRUNCATE asks every node of both datacenters, and snapshots first: give it more than the driver's 2 s.
        DriverConfigLoader patient = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60)).build();
        try (CqlSession cql = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(TestHosts.ADDRESSES.get("use1-data"), CQL_PORT))
                .withLocalDatacenter("us-east").withConfigLoader(patient).build()) {
            for (String table : tables) {
                cql.execute("TRUNCATE " + TestHosts.CASSANDRA_KEYSPACE + "." + table);
            }
        }
    }

    private void dropClickHousePartitions(List<String> tables) {
        for (String table : tables) {
            String partitions = clickhouse("SELECT DISTINCT partition_id FROM system.parts WHERE active AND database = '"
                    + TestHosts.CLICKHOUSE_DATABASE + "' AND table = '" + table + "'");
            for (String partition : partitions.lines().filter(line -> !line.isBlank()).toList()) {
                clickhouse("ALTER TABLE " + TestHosts.CLICKHOUSE_DATABASE + ".`" + table + "` DROP PARTITION ID '" + partition + "'");
            }
            String rows = clickhouse("SELECT count() FROM " + TestHosts.CLICKHOUSE_DATABASE + ".`" + table + "`").strip();
            if (!rows.equals("0")) {
                throw new AssertionError(table + " still has " + rows + " rows after its partitions were dropped");
            }
        }
    }

    private String clickhouse(String sql) {
        String auth = Base64.getEncoder().encodeToString(("shortener:" + hosts.clickhousePassword()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://" + TestHosts.ADDRESSES.get("use1-data") + ":"
                        + CLICKHOUSE_PORT + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (answer.statusCode() != 200) {
            throw new AssertionError(sql + ": ClickHouse answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private void flushCaches() {
        for (String dataHost : TestHosts.LOAD_BALANCERS.values()) {
            for (int port : REDIS_PORTS) {
                // A replica refuses FLUSHALL (READONLY) and takes its master's: every master is among these nodes.
                String answer = run(List.of("redis-cli", "-h", TestHosts.ADDRESSES.get(dataHost), "-p", Integer.toString(port), "FLUSHALL"));
                if (!answer.strip().equals("OK") && !answer.contains("READONLY")) {
                    throw new AssertionError("FLUSHALL on " + dataHost + ":" + port + " answered " + answer);
                }
            }
        }
        for (String host : TestHosts.SERVICE_HOSTS) {
            HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(URI.create(hosts.adminUrl(host) + "/tasks/cache-clear-local"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build());
            if (cleared.statusCode() != 200) {
                throw new AssertionError(host + ": cache-clear-local answered " + cleared.statusCode() + ": " + cleared.body());
            }
        }
    }

    private static List<String> folders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the command printed, whatever its exit status (redis-cli's depends on its version). */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
