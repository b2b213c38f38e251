package io.shortener.rules;

import io.shortener.click.UserAgentClassifier;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
        return agent().os();
    }

    /**
     * Whether the visitor accepts one of these languages (lower case tags) with a quality above 0: a tag
     * matches itself and its regional forms ("de" matches "de-AT"). Read from the header in place, without
     * splitting it into strings: this runs on every redirect of a link with a language rule.
     */
    boolean acceptsAny(List<String> wanted) {
        String header = acceptLanguage;
        if (header == null) {
            return false;
        }
        int entries = 0;
        int at = 0;
        int length = header.length();
        while (at < length && entries++ < MAX_LANGUAGES) {
            int end = header.indexOf(',', at);
            if (end < 0) {
                end = length;
            }
            int parameters = header.indexOf(';', at);
            int tagEnd = parameters >= 0 && parameters < end ? parameters : end;
            int tagStart = at;
            while (tagStart < tagEnd && header.charAt(tagStart) == ' ') {
                tagStart++;
            }
            while (tagEnd > tagStart && header.charAt(tagEnd - 1) == ' ') {
                tagEnd--;
            }
            if (tagEnd > tagStart && (parameters < 0 || parameters >= end || quality(header, parameters, end) > 0)) {
                for (String language : wanted) {
                    int size = language.length();
                    int tagLength = tagEnd - tagStart;
                    if ((tagLength == size || tagLength > size && header.charAt(tagStart + size) == '-')
                            && header.regionMatches(true, tagStart, language, 0, size)) {
                        return true;
                    }
                }
            }
            at = end + 1;
        }
        return false;
    }

    /** The q of an entry's parameters (from {@code from}, a ';', to {@code end}); 1 without one, 0 for one that does not parse. */
    private static double quality(String header, int from, int end) {
        int q = header.indexOf("q=", from);
        if (q < 0 || q >= end) {
            return 1;
        }
        try {
            return Double.parseDouble(header.substring(q + 2, end).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
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
     * its variants by their weights. The strings' own hash codes (the User-Agent's is already computed
     * when the classifier's cache looked it up), mixed by SplitMix64's finaliser, twice.
     */
    long visitorHash(String code, int rule) {
        long hash = ((long) (visitor == null ? 0 : visitor.hashCode()) << 32) ^ ((userAgent == null ? 0 : userAgent.hashCode()) & 0xffffffffL);
        hash = mix(hash ^ (code.hashCode() * 0x9e3779b97f4a7c15L));
        return mix(hash + rule * 0x9e3779b97f4a7c15L);
    }

    private static long mix(long hash) {
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
