package io.shortener.link;

import io.shortener.error.ApiException;
import io.shortener.safety.BlockedDomains;
import io.shortener.safety.TargetHosts;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decides which long URLs may be shortened and in what form they are stored: absolute http(s) URLs with
 * a host, no whitespace or control characters, no credentials, at most 8 KiB once in ASCII form, and a
 * host {@link TargetHosts} allows (a valid one, never this service's, internal only where allowed).
 */
public final class TargetUrlPolicy {

    public static final int MAX_BYTES = 8 * 1024;

    private final TargetHosts hosts;
    private final BlockedDomains blocked;

    public TargetUrlPolicy(TargetHosts hosts, BlockedDomains blocked) {
        this.hosts = hosts;
        this.blocked = blocked;
    }

    /** Public targets only, none on the host of {@code publicBaseUrl}, and no blocklist. */
    public TargetUrlPolicy(URI publicBaseUrl) {
        this(new TargetHosts(Set.of(TargetHosts.normalize(publicBaseUrl.getHost())), false), BlockedDomains.NONE);
    }

    /** The URL as it will be stored and sent in Location headers: ASCII, hosts in punycode. */
    public String check(String url) {
        if (url == null || url.isEmpty()) {
            throw ApiException.badRequest("url is required");
        }
        if (url.length() > MAX_BYTES) {
            throw tooLong();
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw ApiException.badRequest("url must not contain whitespace or control characters");
            }
        }
        URI uri = parse(url);
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw ApiException.badRequest("url must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.badRequest("url must not carry credentials (user:password@)");
        }
        if (uri.getHost() == null) {
            uri = withAsciiHost(uri);
        }
        String stored = uri.toASCIIString();
        if (stored.getBytes(StandardCharsets.US_ASCII).length > MAX_BYTES) {
            throw tooLong();
        }
        hosts.check(uri.getHost(), uri.getPort());
        blocked.domainBlocking(uri.getHost()).ifPresent(domain -> {
            throw ApiException.badRequest("url leads to " + domain.value() + ", a blocked domain"
                    + (domain.reason() == null || domain.reason().isBlank() ? "" : ": " + domain.reason()));
        });
        return stored;
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("url is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** java.net.URI leaves internationalised host names unparsed; turn them into punycode and parse again. */
    private static URI withAsciiHost(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw ApiException.badRequest("url must have a host");
        }
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        try {
            String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            URI rebuilt = new URI(uri.getScheme() + "://" + ascii + port + rest(uri));
            if (rebuilt.getHost() == null) {
                throw ApiException.badRequest("url must have a valid host");
            }
            return rebuilt;
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw ApiException.badRequest("url must have a valid host");
        }
    }

    private static String rest(URI uri) {
        StringBuilder rest = new StringBuilder();
        if (uri.getRawPath() != null) {
            rest.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            rest.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            rest.append('#').append(uri.getRawFragment());
        }
        return rest.toString();
    }

    private static ApiException tooLong() {
        return ApiException.badRequest("url must be at most " + MAX_BYTES + " bytes");
    }
}
