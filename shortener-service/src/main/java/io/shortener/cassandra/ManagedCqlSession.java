package io.shortener.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import io.dropwizard.lifecycle.Managed;

/** Closes the driver's session (its connections and threads) when the service stops. */
public final class ManagedCqlSession implements Managed {

    private final CqlSession session;

    public ManagedCqlSession(CqlSession session) {
        this.session = session;
    }

    @Override
    public void stop() {
        session.close();
    }
}
