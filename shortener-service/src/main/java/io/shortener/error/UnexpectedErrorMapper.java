package io.shortener.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Our own bugs: logged in full under an ID the client can quote; the client sees the ID, never the trace. */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        return ErrorResponses.of(500, ServerErrors.logUnexpected(LOG, exception));
    }
}
