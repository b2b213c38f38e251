package io.shortener.access;

import io.shortener.error.ApiException;

/** A 401: no key, or a key that is not (or no longer) valid. Answered with a {@code WWW-Authenticate} challenge. */
public final class Unauthenticated extends ApiException {

    public static final String CHALLENGE = "Bearer realm=\"shortener\"";

    public Unauthenticated(String message) {
        super(401, message);
    }
}
