package io.shortener.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.devstack.ProjectHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * src/test/browser/page-tour.mjs run by Node in Debian's Chromium through playwright-core (installed from npm
 * into target/browser once; no browser is downloaded): what it saw, and its screenshots in target/browser/screenshots.
 */
final class PageTour {

    private final Path source = ProjectHome.locate().root().resolve("shortener-service/src/test/browser");
    private final Path dir = ProjectHome.locate().root().resolve("shortener-service/target/browser");

    Path screenshots() {
        return dir.resolve("screenshots");
    }

    /** {@code madeElsewhere}: the code of a link of the key's account made through the API, not on the page. */
    JsonNode run(String baseUrl, String apiKey, String madeElsewhere) throws IOException, InterruptedException {
        Files.createDirectories(screenshots());
        for (String file : List.of("package.json", "page-tour.mjs")) {
            Files.copy(source.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        }
        String output = run(List.of("node", "page-tour.mjs", baseUrl, apiKey, screenshots().toString(), madeElsewhere), 300);
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("the page tour printed no result:\n" + output);
        }
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + text);
        }
        return text;
    }
}
