package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Configuration templates with {@code {{name}}} placeholders; a placeholder left unfilled is an error, not an empty value. */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private Template() {
    }

    public static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public static void renderFile(Path template, Path target, Map<String, String> values) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, render(Files.readString(template, StandardCharsets.UTF_8), values), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not render " + template + " to " + target, e);
        }
    }
}
