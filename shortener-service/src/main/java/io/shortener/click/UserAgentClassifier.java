package io.shortener.click;

import java.util.Locale;
import java.util.regex.Pattern;
import ua_parser.CachingParser;
import ua_parser.Client;

/**
 * Browser, OS and device class from a User-Agent, by ua-parser's maintained regexes, and whether the
 * client is a bot: ua-parser's spiders, plus the crawlers and link-preview agents that fetch a link when
 * it is pasted in a chat or a post (they are not people clicking), plus scripts and HTTP libraries.
 */
public final class UserAgentClassifier {

    private static final Pattern BOTS = Pattern.compile(
            "bot|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-externalagent|embedly|quora link preview"
                    + "|outbrain|pinterest|vkshare|w3c_validator|whatsapp|telegram|discord|skypeuripreview|linkedin"
                    + "|slack|mastodon|bluesky|snapchat|google-inspectiontool|googleother|headlesschrome|lighthouse"
                    + "|python-requests|python-urllib|aiohttp|curl/|wget/|httpie|go-http-client|okhttp|java/|apache-httpclient"
                    + "|node-fetch|axios|libwww-perl|scrapy|preview|monitor|uptime",
            Pattern.CASE_INSENSITIVE);

    /** What ua-parser makes of one User-Agent. */
    public record Classification(String browser, String os, String deviceClass, boolean bot) {
    }

    private final CachingParser parser = new CachingParser(10_000);

    public Classification classify(String userAgent, boolean headRequest) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Classification("Other", "Other", "bot", true);
        }
        Client client = parser.parse(userAgent);
        String browser = client.userAgent.family;
        String os = client.os.family;
        boolean bot = headRequest || "Spider".equals(client.device.family) || BOTS.matcher(userAgent).find();
        return new Classification(browser, os, bot ? "bot" : deviceClass(userAgent, os, client.device.family), bot);
    }

    private static String deviceClass(String userAgent, String os, String device) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        if (device.startsWith("iPad") || lower.contains("tablet") || ("Android".equals(os) && !lower.contains("mobile"))) {
            return "tablet";
        }
        if ("iOS".equals(os) || "Android".equals(os) || lower.contains("mobile") || device.startsWith("iPhone")) {
            return "mobile";
        }
        if ("Other".equals(os)) {
            return "other";
        }
        return "desktop";
    }
}
