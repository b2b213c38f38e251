package io.shortener.ansible;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test's hosts: the repository's local inventory (inventories/local: five hosts on addresses of their own
 * on loopback, two regions) copied into a work folder with a vault of throwaway secrets encrypted by a password
 * file made here, and the folder (shortener_root) under which every host installs, keeps and logs. The hosts
 * run their programs under supervisord, one per host; {@link #destroy()} shuts each down and waits for it.
 */
final class TestHosts {

    static final List<String> SERVICE_HOSTS = List.of("use1-app1", "use1-app2", "euw1-app1");
    static final Map<String, String> ADDRESSES = Map.of(
            "use1-data", "127.0.20.11", "use1-app1", "127.0.20.21", "use1-app2", "127.0.20.22",
            "euw1-data", "127.0.21.11", "euw1-app1", "127.0.21.21");
    /** Each region's load balancer runs on its data host. */
    static final Map<String, String> LOAD_BALANCERS = Map.of("us-east", "use1-data", "eu-west", "euw1-data");

    /** group_vars/all: cassandra_keyspace and clickhouse_database. */
    static final String CASSANDRA_KEYSPACE = "shortener";
    static final String CLICKHOUSE_DATABASE = "shortener";

    private final Path work;
    private final String apiKey;
    private final String clickhousePassword;

    private TestHosts(Path work, String apiKey, String clickhousePassword) {
        this.work = work;
        this.apiKey = apiKey;
        this.clickhousePassword = clickhousePassword;
    }

    static TestHosts create(Playbooks playbooks, Path work) {
        Path ansibleDir = playbooks.dir();
        SecureRandom random = new SecureRandom();
        TestHosts hosts = new TestHosts(work, "shk_" + secret(random), secret(random));
        hosts.destroy();
        try {
            Files.createDirectories(work);
            copy(ansibleDir.resolve("inventories/local"), hosts.inventory());
            Files.writeString(hosts.vaultPasswordFile(), secret(random) + "\n", StandardCharsets.UTF_8);
            Path vault = hosts.inventory().resolve("group_vars/all/vault.yml");
            Files.writeString(vault, String.join("\n", "---",
                    "vault_shortener_code_key: " + secret(random),
                    "vault_shortener_visitor_key: " + secret(random),
                    "vault_shortener_initial_api_key: " + hosts.apiKey,
                    "vault_clickhouse_password: " + hosts.clickhousePassword, ""), StandardCharsets.UTF_8);
            playbooks.run("vault", List.of("ansible-vault", "encrypt", "--vault-password-file", hosts.vaultPasswordFile().toString(),
                    vault.toString())).requireSuccess();
            return hosts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 192 random bits, URL-safe: the shape of every secret the service takes. */
    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Path inventory() {
        return work.resolve("inventory");
    }

    Path vaultFile() {
        return inventory().resolve("group_vars/all/vault.yml");
    }

    Path vaultPasswordFile() {
        return work.resolve("vault-password");
    }

    Path root() {
        return work.resolve("root");
    }

    Path backups() {
        return work.resolve("backups");
    }

    String apiKey() {
        return apiKey;
    }

    String clickhousePassword() {
        return clickhousePassword;
    }

    Path serviceDir(String host) {
        return root().resolve(host).resolve("service");
    }

    Path loadBalancerSocket(String region) {
        return root().resolve(LOAD_BALANCERS.get(region)).resolve("haproxy/admin.sock");
    }

    String loadBalancerUrl(String region) {
        return "http://" + ADDRESSES.get(LOAD_BALANCERS.get(region)) + ":8080";
    }

    String adminUrl(String host) {
        return "http://" + ADDRESSES.get(host) + ":8081";
    }

    /** Shuts down every host's supervisord (and with it its programs), waits until they are gone, and removes the hosts' folders. */
    void destroy() {
        if (!Files.isDirectory(root())) {
            return;
        }
        List<ProcessHandle> supervisors = new ArrayList<>();
        try (Stream<Path> hostDirs = Files.list(root())) {
            for (Path hostDir : hostDirs.toList()) {
                Path config = hostDir.resolve("supervisor/supervisord.conf");
                Optional<ProcessHandle> supervisor = pid(hostDir.resolve("supervisor/supervisord.pid")).flatMap(ProcessHandle::of);
                if (supervisor.isPresent() && Files.exists(config)) {
                    supervisors.add(supervisor.get());
                    new ProcessBuilder("supervisorctl", "-c", config.toString(), "shutdown").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                }
            }
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            for (ProcessHandle supervisor : supervisors) {
                while (supervisor.isAlive() && Instant.now().isBefore(deadline)) {
                    supervisor.onExit().get(deadline.toEpochMilli() - System.currentTimeMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            }
            deleteTree(root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a supervisord of the test hosts did not stop within 2 minutes", e);
        }
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
