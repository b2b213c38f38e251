package io.shortener.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/shortener test hands the Ansible tests a copy of the build as an extra-vars file: each variable it names
 * must be one the playbooks read for that path, or the deployment would quietly take the checkout's own jars.
 */
class BuildUnderTestTest {

    private static final Path LAUNCHER = Path.of("../bin/shortener");

    @Test
    void everyVariableTheLauncherWritesIsOneThePlaybooksDefine() throws IOException {
        String launcher = Files.readString(LAUNCHER);
        String varsFile = launcher.substring(launcher.indexOf("<<JSON"), launcher.indexOf("\nJSON\n"));
        Set<String> written = names(Pattern.compile("\"([a-z_]+)\": \""), varsFile);
        Set<String> defined = new TreeSet<>(names(Pattern.compile("(?m)^([a-z_]+):"), Files.readString(Path.of("group_vars/all/main.yml"))));
        try (Stream<Path> defaults = Files.list(Path.of("roles"))) {
            for (Path role : defaults.map(dir -> dir.resolve("defaults/main.yml")).filter(Files::exists).toList()) {
                defined.addAll(names(Pattern.compile("(?m)^([a-z_]+):"), Files.readString(role)));
            }
        }

        assertThat(written).contains("shortener_service_jar", "artifacts_analytics_jar");
        assertThat(defined).containsAll(written);
    }

    @Test
    void aVarsFileIsPassedToEveryPlaybookAndNamesTheServiceJar(@TempDir Path dir) throws IOException {
        Path vars = Files.writeString(dir.resolve("vars.json"), "{\"shortener_service_jar\": \"/copy/shortener-service.jar\"}");
        BuildUnderTest build = BuildUnderTest.from(vars.toString(), Path.of("/checkout/ansible"));

        assertThat(build.serviceJar()).isEqualTo(Path.of("/copy/shortener-service.jar"));
        assertThat(build.playbookArguments()).containsExactly("-e", "@" + vars);
    }

    @Test
    void withoutOneThePlaybooksTakeTheCheckoutsOwnBuild() {
        BuildUnderTest build = BuildUnderTest.from("", Path.of("/checkout/ansible"));

        assertThat(build.serviceJar()).isEqualTo(Path.of("/checkout/shortener-service/target/shortener-service.jar"));
        assertThat(build.playbookArguments()).isEmpty();
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
