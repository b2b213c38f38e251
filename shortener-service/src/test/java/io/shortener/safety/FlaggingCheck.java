package io.shortener.safety;

import java.util.Optional;

/**
 * A {@link LinkCheck} the test class path provides (META-INF/services): it flags links to
 * {@code flagged.example} alone, so that every other test's links pass it untouched.
 */
public final class FlaggingCheck implements LinkCheck {

    static final String FLAGGED_HOST = "flagged.example";

    @Override
    public Optional<String> reasonToBlock(String code, String url) {
        return url.contains("://" + FLAGGED_HOST + "/") ? Optional.of("flagged by the test check") : Optional.empty();
    }
}
