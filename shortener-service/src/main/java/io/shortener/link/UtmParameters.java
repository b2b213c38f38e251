package io.shortener.link;

import io.shortener.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code utm} object of a create or a patch ({@code source}, {@code medium}, {@code campaign},
 * {@code term}, {@code content}), merged into the target's query string: each given field sets its
 * {@code utm_*} parameter (in place if the URL has it already, else at the end), a null one removes it,
 * and every other parameter, its order and its encoding stay exactly as they were, as does the fragment.
 */
public final class UtmParameters {

    static final List<String> FIELDS = List.of("source", "medium", "campaign", "term", "content");
    private static final int MAX_VALUE = 200;

    private UtmParameters() {
    }

    /** {@code url} with {@code utm} merged in; {@code url} itself when {@code utm} is null. */
    public static String merge(String url, Map<String, String> utm) {
        if (utm == null || url == null) {
            return url;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : utm.entrySet()) {
            if (!FIELDS.contains(field.getKey())) {
                throw ApiException.badRequest("utm may have source, medium, campaign, term and content, not '" + field.getKey() + "'");
            }
            wanted.put("utm_" + field.getKey(), field.getValue() == null ? null : encode(check(field.getKey(), field.getValue())));
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        String query = question < 0 ? "" : beforeFragment.substring(question + 1);

        List<String> parameters = new ArrayList<>();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!wanted.containsKey(name)) {
                parameters.add(parameter);
            } else if (wanted.get(name) != null) {
                parameters.add(name + "=" + wanted.get(name));
                // Set in place: a second one of the same name is dropped below, so the value is unambiguous.
                wanted.put(name, null);
            }
        }
        wanted.forEach((name, value) -> {
            if (value != null) {
                parameters.add(name + "=" + value);
            }
        });
        return base + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)) + fragment;
    }

    private static String check(String field, String value) {
        if (value.isBlank() || value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("utm." + field + " must be 1 to " + MAX_VALUE + " characters, without control characters "
                    + "(null removes it)");
        }
        return value;
    }

    /** Percent-encoding of everything but RFC 3986's unreserved characters: a space is %20, not +. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
