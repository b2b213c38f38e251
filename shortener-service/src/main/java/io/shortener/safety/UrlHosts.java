package io.shortener.safety;

/**
 * The host of a stored target URL, found by index rather than by parsing: stored URLs are already
 * checked and in ASCII form ({@code scheme://host[:port][/…]}), and the redirect path asks on every answer
 * while anything is blocked.
 */
final class UrlHosts {

    private UrlHosts() {
    }

    static String hostOf(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return null;
        }
        start += 3;
        if (start < url.length() && url.charAt(start) == '[') {
            int close = url.indexOf(']', start);
            return close < 0 ? null : url.substring(start, close + 1);
        }
        int end = start;
        while (end < url.length()) {
            char c = url.charAt(end);
            if (c == ':' || c == '/' || c == '?' || c == '#') {
                break;
            }
            end++;
        }
        return end > start ? url.substring(start, end) : null;
    }
}
