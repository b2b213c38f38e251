package io.shortener.error;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;

/** The wording and logging of the two failures that are the server's, not the client's, wherever they are answered. */
public final class ServerErrors {

    public static final String STORAGE_UNAVAILABLE = "storage is temporarily unavailable; try again";

    private ServerErrors() {
    }

    public static void logStorageFailure(Logger log, Exception failure) {
        log.warn("storage request failed: {}", failure.toString());
    }

    /** Logs a bug in full under a fresh ID and returns the message the client sees: the ID, never the trace. */
    public static String logUnexpected(Logger log, Throwable failure) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        log.error("unexpected error {}", id, failure);
        return "internal error " + id + "; it has been logged";
    }
}
