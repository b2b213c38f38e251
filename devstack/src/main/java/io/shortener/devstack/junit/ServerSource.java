package io.shortener.devstack.junit;

import java.util.Locale;

/**
 * Where the test fixtures get their servers: local processes started by the project's own launchers (the
 * default, and the only way on machines without a container engine), or containers, for machines with Docker
 * ({@code -Dservers=containers}). Either way a server listens on the address and port the fixture publishes.
 */
public enum ServerSource {
    LOCAL, CONTAINERS;

    /** The system property that chooses. */
    public static final String PROPERTY = "servers";

    public static ServerSource current() {
        return parse(System.getProperty(PROPERTY, ""));
    }

    static ServerSource parse(String value) {
        String chosen = value.strip().toLowerCase(Locale.ROOT);
        if (chosen.isEmpty() || chosen.equals("local")) {
            return LOCAL;
        }
        if (chosen.equals("containers")) {
            return CONTAINERS;
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": the servers come from 'local' processes (the default) or 'containers'");
    }
}
