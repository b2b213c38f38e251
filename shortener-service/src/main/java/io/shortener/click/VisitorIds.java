package io.shortener.click;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

    private final Mac mac;

    public VisitorIds(String key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    public String of(String clientAddress, String userAgent, long timestampMillis) {
        String day = Instant.ofEpochMilli(timestampMillis).atZone(ZoneOffset.UTC).toLocalDate().toString();
        mac.update(anonymise(clientAddress).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(day.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** IPv4 keeps its first three bytes, IPv6 its first six; anything that is not an address literal becomes "unknown". */
    public static String anonymise(String address) {
        if (address == null) {
            return "unknown";
        }
        try {
            byte[] bytes;
            if (IPV4.matcher(address).matches()) {
                // The common case, on every click: keep the first three parts as they are.
                int lastDot = address.lastIndexOf('.');
                for (String part : address.substring(0, lastDot).split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return "unknown";
                    }
                }
                return Integer.parseInt(address.substring(lastDot + 1)) > 255 ? "unknown" : address.substring(0, lastDot) + ".0";
            } else {
                String literal = address.replace("[", "").replace("]", "");
                int zone = literal.indexOf('%');
                literal = zone >= 0 ? literal.substring(0, zone) : literal;
                if (!IPV6.matcher(literal).matches()) {
                    return "unknown";
                }
                // A literal with colons is never looked up in DNS.
                bytes = InetAddress.getByName(literal).getAddress();
            }
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

}
