package io.shortener.safety;

import java.util.Optional;

/**
 * A check of new links against an outside verdict (a Safe Browsing lookup, a phishing feed, a model),
 * found with {@link java.util.ServiceLoader}: put a jar with an implementation and its
 * {@code META-INF/services/io.shortener.safety.LinkCheck} on the service's class path. Each runs after the
 * link is stored, off the request path; a reason blocks the link (its redirect answers 451) on every
 * instance within the blocklist's refresh.
 */
public interface LinkCheck {

    /** Why the link must be blocked, or empty. May block (it runs on a thread of the checks' own); must not throw. */
    Optional<String> reasonToBlock(String code, String url);

    default String name() {
        return getClass().getSimpleName();
    }
}
