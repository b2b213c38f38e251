package io.shortener.link;

import io.shortener.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an owner may call a link and group it by: a title of up to 200 characters, no control characters;
 * up to 20 tags of 1 to 50 letters, digits, spaces and {@code _ - . :}, starting with a letter or digit.
 * Tags are compared in lower case (as Shlink and Dub do), so "Launch" and "launch" are one tag.
 */
public final class LinkLabels {

    static final int MAX_TITLE = 200;
    static final int MAX_TAGS = 20;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]{0,49}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private LinkLabels() {
    }

    /** The title as stored: trimmed, null if none or blank. */
    public static String title(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String trimmed = title.strip();
        if (trimmed.length() > MAX_TITLE) {
            throw ApiException.badRequest("title must be at most " + MAX_TITLE + " characters");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw ApiException.badRequest("title must not contain control characters");
        }
        return trimmed;
    }

    /** The tags as stored: trimmed, lower case, distinct; empty if none. */
    public static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.badRequest("a link may have at most " + MAX_TAGS + " tags");
        }
        List<String> normalized = new ArrayList<>();
        for (String tag : tags) {
            normalized.add(tag(tag));
        }
        return normalized.stream().distinct().sorted().toList();
    }

    /** One tag as stored, also for a tag to list links by. */
    public static String tag(String tag) {
        String trimmed = tag == null ? "" : tag.strip();
        if (!TAG.matcher(trimmed).matches()) {
            throw ApiException.badRequest("each tag must be 1 to 50 letters, digits, spaces and '_', '-', '.', ':', "
                    + "starting with a letter or digit");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
