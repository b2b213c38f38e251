package io.shortener.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * The address a request comes from: the connection's peer, or, when that peer is one of the operator's
 * trusted proxies, the client they name in {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For}.
 * Those headers are read right to left, skipping trusted proxies: anything left of the first address
 * that is not one may have been written by the client itself. Limits and visitor ids both use it.
 */
public final class ClientAddresses {

    private static final String FORWARDED = "Forwarded";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ClientRanges trustedProxies;

    public ClientAddresses(ClientRanges trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public InetAddress of(Request request) {
        InetAddress peer = peer(request);
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        HttpFields headers = request.getHeaders();
        List<String> hops = forwardedFor(headers.getValuesList(FORWARDED));
        if (hops.isEmpty()) {
            hops = xForwardedFor(headers.getValuesList(X_FORWARDED_FOR));
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = IpLiterals.parse(hops.get(i));
            if (hop == null) {
                // "unknown", an obfuscated name, garbage: the last proxy we trust saw this one as its client.
                return client;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static InetAddress peer(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }

    static List<String> xForwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String hop = part.trim();
                if (!hop.isEmpty()) {
                    hops.add(stripPort(hop));
                }
            }
        }
        return hops;
    }

    static List<String> forwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        hops.add(stripPort(unquote(pair.substring(equals + 1).trim())));
                    }
                }
            }
        }
        return hops;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    /** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}, {@code 192.0.2.1:80} → {@code 192.0.2.1}; a bare IPv6 address stays. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
