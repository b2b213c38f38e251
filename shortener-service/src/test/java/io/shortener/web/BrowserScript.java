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
 * A script of src/test/browser run by Node in Debian's Chromium through playwright-core (installed from npm
 * into target/browser once; no browser is downloaded): the JSON object it printed last (what it saw), and
 * its screenshots in target/browser/screenshots.
 */
public final class BrowserScript {

    private final Path source = ProjectHome.locate().root().resolve("shortener-service/src/test/browser");
    private final Path dir = ProjectHome.locate().root().resolve("shortener-service/target/browser");
    private final String script;

    /** {@code script}: a file of src/test/browser, like {@code page-tour.mjs}. */
    public BrowserScript(String script) {
        this.script = script;
    }

    public Path screenshots() {
        return dir.resolve("screenshots");
    }

    /** Runs it with these arguments after the screenshot folder (its first). */
    public JsonNode run(String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(screenshots());
        for (String file : List.of("package.json", script)) {
            Files.copy(source.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", script, screenshots().toString()));
        command.addAll(List.of(arguments));
        String output = run(command, 300);
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new AssertionError(script + " printed no result:\n" + output);
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
