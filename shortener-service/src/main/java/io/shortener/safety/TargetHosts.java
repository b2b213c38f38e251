package io.shortener.safety;

import io.shortener.client.IpLiterals;
import io.shortener.error.ApiException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts a short link may lead to. A host is a name of RFC 1123's form (labels of 1–63 letters,
 * digits and hyphens, not at either end, 253 characters in all, and not ending in a numeric label: no
 * {@code 2130706433} or {@code 0x7f.1}, which fetchers read as 127.0.0.1) or an IP address written plainly.
 * It is never one of the service's own names, nor loopback or unspecified (a loop); and unless the
 * operator allows it, never private, link-local or otherwise internal: a short link must not bounce a
 * fetcher into the network behind it. Names are not resolved: DNS may answer differently later, and the
 * fetcher resolves the name itself.
 */
public final class TargetHosts {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");
    /** Suffixes that only ever name something inside a network (RFC 6761, 6762, 8375; ICANN's .internal). */
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".home.arpa", ".localdomain");

    private final Set<String> serviceNames;
    private final boolean allowPrivate;

    /** {@code serviceNames}: every host name or address the service answers on, lower case. */
    public TargetHosts(Set<String> serviceNames, boolean allowPrivate) {
        this.serviceNames = Set.copyOf(serviceNames);
        this.allowPrivate = allowPrivate;
    }

    /** Refuses (400) a host, given as java.net.URI gives it (IPv6 in brackets), and a port out of range. */
    public void check(String rawHost, int port) {
        if (port == 0 || port > 65535) {
            throw ApiException.badRequest("url's port must be between 1 and 65535");
        }
        String host = normalize(rawHost);
        InetAddress address = literal(host);
        if (address == null) {
            checkName(host);
        }
        if (serviceNames.contains(host) || host.equals("localhost") || host.endsWith(".localhost")
                || address != null && (address.isLoopbackAddress() || address.isAnyLocalAddress())) {
            throw ApiException.badRequest("url points at this link service itself (" + host + "), which would redirect in a loop");
        }
        if (!allowPrivate && (address != null ? isInternal(address) : isInternalName(host))) {
            throw ApiException.badRequest("url points at a private or internal address (" + host + "); this service does not link there");
        }
    }

    /** Lower case, without a trailing dot, IPv6 without its brackets. */
    public static String normalize(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            return lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static void checkName(String host) {
        if (host.isEmpty() || host.length() > 253) {
            throw ApiException.badRequest("url's host must be 1 to 253 characters");
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw ApiException.badRequest("url's host '" + host + "' is not a valid host name: each label is 1 to 63 letters, "
                        + "digits or hyphens, not starting or ending with a hyphen");
            }
        }
        if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            throw ApiException.badRequest("url's host '" + host + "' is neither a host name nor an IPv4 address written as four decimal numbers");
        }
    }

    /** The address a host written as an IP literal names; null for a name. Never asks DNS. */
    static InetAddress literal(String host) {
        if (!IpLiterals.looksLikeAddress(host)) {
            return null;
        }
        InetAddress address = IpLiterals.parse(host);
        if (address == null) {
            throw ApiException.badRequest("url's host '" + host + "' is not a valid IP address");
        }
        return address;
    }

    static boolean isInternal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            InetAddress embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return isInternal(embedded);
            }
            // fc00::/7, unique local.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || first == 100 && second >= 64 && second < 128  // 100.64/10, carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0  // 192.0.0.0/24, protocol assignments
                    || first == 198 && (second == 18 || second == 19)     // 198.18/15, benchmarking
                    || first >= 240;                                       // reserved and broadcast
        }
        return false;
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
    private static InetAddress embeddedIpv4(byte[] v6) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= v6[i] == 0;
        }
        mapped &= (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b;
        if (!mapped && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {v6[12], v6[13], v6[14], v6[15]});
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isInternalName(String host) {
        if (host.indexOf('.') < 0) {
            // One label: resolved through the fetcher's search domains, inside its own network.
            return true;
        }
        return INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith);
    }
}
