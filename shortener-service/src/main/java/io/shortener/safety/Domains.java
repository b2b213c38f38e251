package io.shortener.safety;

import java.net.IDN;
import java.util.regex.Pattern;

/** A domain as the blocklist keeps it: ASCII (punycode), lower case, no trailing dot, of RFC 1123's form. */
final class Domains {

    private static final Pattern NAME = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Domains() {
    }

    static String normalize(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain.trim(), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + domain + "' is not a valid domain");
        }
        String name = TargetHosts.normalize(ascii);
        if (name.isEmpty() || name.length() > 253 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + domain + "' is not a valid domain (e.g. evil.example)");
        }
        return name;
    }
}
