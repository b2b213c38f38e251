package io.shortener.click;

import io.shortener.clickevent.ClickEvent;
import java.net.URI;
import java.util.Locale;
import java.util.function.IntSupplier;

/** Turns what a redirect saw into a click event. Not thread-safe (VisitorIds): used by the one sending thread. */
public final class ClickEnricher {

    private final UserAgentClassifier classifier;
    private final VisitorIds visitors;
    private final int region;
    private final IntSupplier instance;

    public ClickEnricher(UserAgentClassifier classifier, VisitorIds visitors, int region, IntSupplier instance) {
        this.classifier = classifier;
        this.visitors = visitors;
        this.region = region;
        this.instance = instance;
    }

    /** The same click and id give the same event: a click sent again after a crash is a duplicate the job drops. */
    public ClickEvent enrich(long eventId, RawClick click) {
        UserAgentClassifier.Classification agent = classifier.classify(click.userAgent(), click.head());
        return new ClickEvent(ClickEvent.SCHEMA_VERSION, eventId, click.code(), click.timestampMillis(),
                region, instance.getAsInt(), referrerHost(click.referer()), agent.deviceClass(), agent.browser(), agent.os(), agent.bot(),
                country(click.country()), visitors.of(click.clientAddress(), click.userAgent(), click.timestampMillis()),
                click.rule(), click.variant());
    }

    /**
     * The click with no more than its own fields: what is sent when {@link #enrich} failed on it (a
     * User-Agent the parser chokes on), so that one odd click is counted as an unknown agent rather than
     * holding up every click behind it.
     */
    public ClickEvent bare(long eventId, RawClick click) {
        UserAgentClassifier.Classification agent = UserAgentClassifier.UNKNOWN;
        return new ClickEvent(ClickEvent.SCHEMA_VERSION, eventId, click.code(), click.timestampMillis(),
                region, instance.getAsInt(), null, agent.deviceClass(), agent.browser(), agent.os(), agent.bot(),
                country(click.country()), visitors.of(click.clientAddress(), click.userAgent(), click.timestampMillis()),
                click.rule(), click.variant());
    }

    static String referrerHost(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(referer.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Two letters from the trusted header, upper-cased; anything else (a proxy's "XX", garbage) is unknown. */
    public static String country(String header) {
        if (header == null) {
            return null;
        }
        String code = header.trim().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{2}") && !code.equals("XX") ? code : null;
    }
}
