package io.shortener.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service's configuration is one file (shortener-service/config/shortener.yml) whose values come from
 * environment variables; the shortener_service role only writes those variables. A variable the role sets
 * that the file never reads would be a setting silently lost.
 */
class ServiceEnvironmentTest {

    private static final Path CONFIG = Path.of("../shortener-service/config/shortener.yml");
    private static final Path ROLE_ENVIRONMENT = Path.of("roles/shortener_service/templates/shortener.env.j2");

    @Test
    void everyVariableTheRoleSetsIsOneTheConfigurationReads() throws IOException {
        Set<String> read = names(Pattern.compile("\\$\\{(SHORTENER_[A-Z0-9_]+)"), Files.readString(CONFIG));
        Set<String> set = names(Pattern.compile("(?m)^(SHORTENER_[A-Z0-9_]+)="), Files.readString(ROLE_ENVIRONMENT));

        assertThat(set).isNotEmpty();
        assertThat(read).containsAll(set);
    }

    @Test
    void theRoleGivesEveryHostItsSecretsAndItsRegion() throws IOException {
        Set<String> set = names(Pattern.compile("(?m)^(SHORTENER_[A-Z0-9_]+)="), Files.readString(ROLE_ENVIRONMENT));

        assertThat(set).contains("SHORTENER_CODE_KEY", "SHORTENER_VISITOR_KEY", "SHORTENER_INITIAL_API_KEY", "SHORTENER_CLICKHOUSE_PASSWORD",
                "SHORTENER_REGION_ID", "SHORTENER_CASSANDRA_DC", "SHORTENER_CASSANDRA_REPLICATION", "SHORTENER_TRUSTED_PROXIES");
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
