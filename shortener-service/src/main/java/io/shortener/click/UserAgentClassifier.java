package io.shortener.click;

import java.util.Locale;
import java.util.regex.Pattern;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import ua_parser.Parser;
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

    private static final Classification NO_AGENT = new Classification("Other", "Other", "bot", true);

    /** What a User-Agent that could not be classified counts as: an unknown agent, not a person. */
    public static final Classification UNKNOWN = NO_AGENT;

    private final Parser parser = new Parser();
    /**
     * Characters of a User-Agent that are classified (and kept as the cache's key): real ones are under 300,
     * and the parser's patterns take time in proportion to what they are given.
     */
    static final int CLASSIFIED_CHARS = 512;

    /**
     * A few thousand User-Agents make most traffic: each is parsed once, not on every click. Bounded by
     * weight (clicks.userAgentCacheBytes), so that a client sending a new long User-Agent with every request
     * gets a cache that churns, not one that grows.
     */
    private final LoadingCache<String, Classification> known;

    /** With the default bound, 4 MiB. */
    public UserAgentClassifier() {
        this(4L << 20);
    }

    public UserAgentClassifier(long maximumBytes) {
        this.known = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .<String, Classification>weigher((userAgent, classification) -> 160 + userAgent.length())
                .build(this::parse);
    }

    /** The cache's estimated bytes (the figure its bound holds). */
    public long cachedBytes() {
        // Eviction runs behind writes; settle it so that the figure is the bound's, not a moment's overshoot.
        known.cleanUp();
        return known.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    public Classification classify(String userAgent, boolean headRequest) {
        if (userAgent == null || userAgent.isBlank()) {
            return NO_AGENT;
        }
        Classification agent = known.get(userAgent.length() > CLASSIFIED_CHARS ? userAgent.substring(0, CLASSIFIED_CHARS) : userAgent);
        // A HEAD request fetches no page: whatever sends it is not a person following a link.
        return headRequest && !agent.bot() ? new Classification(agent.browser(), agent.os(), "bot", true) : agent;
    }

    private Classification parse(String userAgent) {
        Client client = parser.parse(userAgent);
        String os = client.os.family;
        boolean bot = "Spider".equals(client.device.family) || BOTS.matcher(userAgent).find();
        return new Classification(client.userAgent.family, os, bot ? "bot" : deviceClass(userAgent, os, client.device.family), bot);
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
