package io.shortener.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP addresses written as text, parsed without ever asking DNS: header values and link targets come from
 * clients, and a host name there must be refused, not resolved. IPv4 only as four decimal numbers without
 * leading zeros (which some parsers read as octal).
 */
public final class IpLiterals {

    private static final Pattern V4_SHAPE = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V4 = Pattern.compile("(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiterals() {
    }

    /** Whether the text is written as an address at all (four numbers, or anything with a colon), valid or not. */
    public static boolean looksLikeAddress(String text) {
        return text.indexOf(':') >= 0 || V4_SHAPE.matcher(text).matches();
    }

    /** The address, or null if the text is not an IPv4 or IPv6 literal. */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        var v4 = V4.matcher(text);
        if (v4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(v4.group(group)) > 255) {
                    return null;
                }
            }
        } else if (!V6.matcher(text).matches()) {
            return null;
        }
        try {
            // A literal: getByName only parses it.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address, or an address with a /prefix. */
    static boolean isRange(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return parse(text) != null;
        }
        InetAddress base = parse(text.substring(0, slash));
        String bits = text.substring(slash + 1);
        if (base == null || !bits.matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(bits) <= base.getAddress().length * 8;
    }
}
