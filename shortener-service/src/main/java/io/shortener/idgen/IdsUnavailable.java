package io.shortener.idgen;

import io.shortener.error.ApiException;

/** No valid machine ID lease: issuing an ID now could duplicate another instance's. */
public final class IdsUnavailable extends ApiException {

    public IdsUnavailable(int region) {
        super(503, "this instance holds no machine ID lease in region " + region + " right now (it could not renew it in"
                + " time); links cannot be created here until it does: try again, another instance may take the request");
    }
}
