package io.shortener.transfer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of an imported CSV holds what, found by the header row's names: this service's own export,
 * Shlink's CSV import format ({@code Long URL}, {@code Short code}, {@code Title}, {@code Tags} split by
 * {@code |}) and Bitly's export ({@code long_url}, {@code link} or {@code bitlink}, {@code title},
 * {@code tags}, {@code created_at}). Names are compared without case, spaces, dashes or underscores.
 */
record CsvColumns(int url, int code, int title, int tags, int createdAt, int expiresAt, int redirectType) {

    static final int NONE = -1;

    private static final Map<String, List<String>> NAMES = Map.of(
            "url", List.of("longurl", "url", "originalurl", "destination", "target", "destinationurl"),
            "code", List.of("code", "shortcode", "alias", "slug", "backhalf", "keyword", "bitlink", "link", "shorturl", "shortlink"),
            "title", List.of("title", "name"),
            "tags", List.of("tags", "tag"),
            "createdAt", List.of("createdat", "created", "datecreated", "createddate", "creationdate"),
            "expiresAt", List.of("expiresat", "expires", "validuntil", "expirationdate"),
            "redirectType", List.of("redirecttype", "redirectstatus"));

    static Optional<CsvColumns> of(List<String> header) {
        int url = find(header, "url");
        if (url == NONE) {
            return Optional.empty();
        }
        return Optional.of(new CsvColumns(url, find(header, "code"), find(header, "title"), find(header, "tags"), find(header, "createdAt"),
                find(header, "expiresAt"), find(header, "redirectType")));
    }

    private static int find(List<String> header, String what) {
        for (String name : NAMES.get(what)) {
            for (int i = 0; i < header.size(); i++) {
                if (normalize(header.get(i)).equals(name)) {
                    return i;
                }
            }
        }
        return NONE;
    }

    private static String normalize(String name) {
        // A UTF-8 byte order mark, as spreadsheets write, sticks to the first name.
        return name.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    static String cell(List<String> row, int column) {
        if (column == NONE || column >= row.size()) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}
