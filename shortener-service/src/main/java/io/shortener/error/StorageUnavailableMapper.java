package io.shortener.error;

import com.datastax.oss.driver.api.core.DriverException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cassandra timed out or had no replica to ask: the request may be retried, so 503, not 500. */
public final class StorageUnavailableMapper implements ExceptionMapper<DriverException> {

    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableMapper.class);

    @Override
    public Response toResponse(DriverException exception) {
        ServerErrors.logStorageFailure(LOG, exception);
        return Response.fromResponse(ErrorResponses.of(503, ServerErrors.STORAGE_UNAVAILABLE))
                .header("Retry-After", "1")
                .build();
    }
}
