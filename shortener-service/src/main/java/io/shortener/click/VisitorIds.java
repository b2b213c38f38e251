package io.shortener.click;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Visitor ids: HMAC-SHA256 under a key of the deployment's, over the anonymised address (IPv4 to its /24,
 * IPv6 to its /48), the User-Agent and the UTC day, cut to 128 bits. The same person on the same day
 * gets the same id; the id tells nothing about the address, and changes every day. Not thread-safe: one
 * per sending thread.
 */
public final class VisitorIds {

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

    private final Mac mac;
    private long cachedDay = Long.MIN_VALUE;
    private byte[] cachedDayText;

    public VisitorIds(String key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    public String of(String clientAddress, String userAgent, long timestampMillis) {
        long epochDay = Math.floorDiv(timestampMillis, 86_400_000L);
        if (epochDay != cachedDay) {
            cachedDayText = LocalDate.ofEpochDay(epochDay).toString().getBytes(StandardCharsets.US_ASCII);
            cachedDay = epochDay;
        }
        mac.update(anonymise(clientAddress).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(cachedDayText);
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** IPv4 keeps its first three bytes, IPv6 its first six; anything that is not an address literal becomes "unknown". */
    public static String anonymise(String address) {
        if (address == null) {
            return "unknown";
        }
        String ipv4 = anonymisedIpv4(address);
        if (ipv4 != null) {
            return ipv4;
        }
        String literal = address.replace("[", "").replace("]", "");
        int zone = literal.indexOf('%');
        literal = zone >= 0 ? literal.substring(0, zone) : literal;
        if (!IPV6.matcher(literal).matches()) {
            return "unknown";
        }
        try {
            // A literal with colons is never looked up in DNS.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * A dotted-quad IPv4 address with its last byte zeroed, or null if the text is not one. The common
     * case, on every click: scanned by hand, without the regular expressions and splits that made this
     * the click sender's largest cost.
     */
    private static String anonymisedIpv4(String address) {
        int parts = 0;
        int digits = 0;
        int value = 0;
        int lastDot = -1;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && parts < 3) {
                parts++;
                lastDot = i;
                digits = 0;
                value = 0;
            } else {
                return null;
            }
        }
        return parts == 3 && digits > 0 ? address.substring(0, lastDot) + ".0" : null;
    }
}
