package io.shortener.access;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys the configuration ships with are public: with them anyone can predict the codes the service
 * will give out ({@code ids.codeKey}) and link a visitor's clicks across links ({@code clicks.visitorKey}).
 * Outside development mode the service refuses to start with them.
 */
public final class PlaceholderSecrets {

    /** The shipped value of every secret of the configuration. */
    public static final String PLACEHOLDER = "change-me-per-deployment";

    private PlaceholderSecrets() {
    }

    /** Throws, naming what to set, if any secret still has its shipped value and this is no development run. */
    public static void check(boolean development, String codeKey, String visitorKey) {
        if (development) {
            return;
        }
        List<String> shipped = new ArrayList<>();
        if (PLACEHOLDER.equals(codeKey)) {
            shipped.add("ids.codeKey (SHORTENER_CODE_KEY)");
        }
        if (PLACEHOLDER.equals(visitorKey)) {
            shipped.add("clicks.visitorKey (SHORTENER_VISITOR_KEY)");
        }
        if (!shipped.isEmpty()) {
            throw new IllegalStateException("refusing to start with the shipped value of " + String.join(" and ", shipped)
                    + ": set each to a secret of this deployment's own (e.g. `openssl rand -base64 24`), the same on every "
                    + "instance, and keep it; or run with development: true (SHORTENER_DEVELOPMENT=true) on a machine of your own");
        }
    }
}
