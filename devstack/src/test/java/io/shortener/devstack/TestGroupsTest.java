package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every integration test of every module belongs to exactly one of the groups `bin/shortener` defines
 * (TEST_GROUPS), by its JUnit tag: `bin/shortener test --group NAME` selects by it, and the time report
 * counts by it, so an untagged or mistagged class would silently drop out of both.
 */
class TestGroupsTest {

    private static final Pattern GROUPS = Pattern.compile("(?m)^TEST_GROUPS=\\(([a-z -]+)\\)$");
    private static final Pattern TAG = Pattern.compile("(?m)^@Tag\\(\"([a-z-]+)\"\\)$");

    private final Path root = ProjectHome.locate().root();

    @Test
    void everyIntegrationTestCarriesExactlyOneKnownGroupAndEveryGroupHasOne() throws IOException {
        Matcher defined = GROUPS.matcher(Files.readString(root.resolve("bin/shortener")));
        assertThat(defined.find()).as("bin/shortener defines TEST_GROUPS=(...)").isTrue();
        List<String> groups = Arrays.asList(defined.group(1).trim().split(" +"));

        Map<String, List<String>> tagsByClass = new TreeMap<>();
        for (Path test : integrationTests()) {
            tagsByClass.put(root.relativize(test).toString(), TAG.matcher(Files.readString(test)).results()
                    .map(tag -> tag.group(1)).toList());
        }

        assertThat(tagsByClass).as("integration test classes").hasSizeGreaterThan(40);
        assertThat(tagsByClass).allSatisfy((test, tags) -> assertThat(tags).as(test).hasSize(1).allMatch(groups::contains));
        assertThat(tagsByClass.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
                .as("every group has tests").containsExactlyInAnyOrderElementsOf(groups);
    }

    private List<Path> integrationTests() throws IOException {
        try (Stream<Path> files = Files.walk(root, 10)) {
            return files.filter(file -> file.getFileName().toString().endsWith("IT.java"))
                    .filter(file -> file.toString().contains("/src/test/java/"))
                    .filter(file -> !root.relativize(file).startsWith(".devstack") && !file.toString().contains("/target/"))
                    .toList();
        }
    }
}
