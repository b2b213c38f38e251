package io.shortener.rules;

import io.shortener.click.UserAgentClassifier;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a redirect knows about who follows the link, as the rules ask for it: each derived fact (the
 * User-Agent's classification, the accepted languages, the query's parameters) is worked out only if a
 * rule asks, and once. For one request on one thread.
 */
public final class Visit {

    /** Accept-Language entries looked at: real headers hold a handful, and a long one costs no more than these. */
    static final int MAX_LANGUAGES = 20;

    private final String country;
    private final String userAgent;
    private final boolean head;
    private final String acceptLanguage;
    private final String query;
    private final Instant now;
    private final String visitor;
    private final UserAgentClassifier classifier;
    private UserAgentClassifier.Classification agent;
    private List<String> languages;

    /**
     * {@code country}: the trusted header's country, normalised (null when unknown); {@code query}: the raw
     * query string, null without one; {@code visitor}: the client's address, for a split that keeps each
     * visitor on one variant.
     */
    public Visit(String country, String userAgent, boolean head, String acceptLanguage, String query, Instant now, String visitor,
                 UserAgentClassifier classifier) {
        this.country = country;
        this.userAgent = userAgent;
        this.head = head;
        this.acceptLanguage = acceptLanguage;
        this.query = query;
        this.now = now;
        this.visitor = visitor;
        this.classifier = classifier;
    }

    String country() {
        return country;
    }

    Instant now() {
        return now;
    }

    UserAgentClassifier.Classification agent() {
        if (agent == null) {
            agent = classifier.classify(userAgent, head);
        }
        return agent;
    }

    String osFamily() {
        return agent().os().toLowerCase(Locale.ROOT);
    }

    /** The language tags accepted with a quality above 0, lower case, in the header's order. */
    List<String> languages() {
        if (languages == null) {
            languages = acceptedLanguages(acceptLanguage);
        }
        return languages;
    }

    static List<String> acceptedLanguages(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> accepted = new ArrayList<>();
        String[] entries = header.split(",", MAX_LANGUAGES + 1);
        for (int i = 0; i < Math.min(entries.length, MAX_LANGUAGES); i++) {
            String[] parts = entries[i].split(";");
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!tag.isEmpty() && !tag.equals("*") && quality(parts) > 0) {
                accepted.add(tag);
            }
        }
        return accepted;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The values the query string gives this parameter (decoded), in order; none when it has none. */
    List<String> queryValues(String name) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(1);
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decoded(equals < 0 ? pair : pair.substring(0, equals));
            if (name.equals(key)) {
                String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static String decoded(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // A malformed escape matches nothing.
        }
    }

    /**
     * A well-spread 64-bit hash of who this visitor is (address and User-Agent), the link and the rule: the
     * same visitor always lands on the same variant of a split, and the visitors of one link spread over
     * its variants by their weights. FNV-1a over the characters, then SplitMix64's finaliser to mix the bits.
     */
    long visitorHash(String code, int rule) {
        long hash = 0xcbf29ce484222325L;
        hash = fnv(hash, visitor);
        hash = fnv(hash, userAgent);
        hash = fnv(hash, code);
        hash = (hash ^ rule) * 0x100000001b3L;
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }

    private static long fnv(long hash, String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
            }
        }
        return (hash ^ 0xff) * 0x100000001b3L;
    }
}
