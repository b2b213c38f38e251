package io.shortener.ansible;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The build the playbooks deploy. By default the checkout's own target folders, as group_vars name them. With
 * {@code -Dshortener.ansible.vars=FILE} (bin/shortener test sets it), a copy of that build whose paths FILE
 * holds as Ansible extra vars: the other modules' tests run beside these and package their jars again, and a jar
 * rewritten under a running playbook would be a broken deployment or a "changed" on the second site.yml.
 */
record BuildUnderTest(Path varsFile, Path serviceJar) {

    static final String PROPERTY = "shortener.ansible.vars";

    static BuildUnderTest fromSystemProperties(Path ansibleDir) {
        return from(System.getProperty(PROPERTY, ""), ansibleDir);
    }

    /** {@code vars}: the extra-vars file's path, or blank for the checkout's own build. */
    static BuildUnderTest from(String vars, Path ansibleDir) {
        if (vars.isBlank()) {
            return new BuildUnderTest(null, ansibleDir.resolve("../shortener-service/target/shortener-service.jar").normalize());
        }
        Path file = Path.of(vars).toAbsolutePath();
        try {
            JsonNode paths = new ObjectMapper().readTree(file.toFile());
            return new BuildUnderTest(file, Path.of(paths.path("shortener_service_jar").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " (-D" + PROPERTY + ")", e);
        }
    }

    /** What every ansible-playbook run is given before its own extra vars. */
    List<String> playbookArguments() {
        return varsFile == null ? List.of() : List.of("-e", "@" + varsFile);
    }
}
