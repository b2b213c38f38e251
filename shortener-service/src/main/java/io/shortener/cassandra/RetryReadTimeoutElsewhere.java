package io.shortener.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.retry.RetryVerdict;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.internal.core.retry.DefaultRetryPolicy;

/**
 * The driver's default retry policy, except that a read which timed out short of its replicas is tried
 * once more through another coordinator. A replica that has just died (not yet seen down) times out the
 * reads its coordinator sent it; another coordinator, or the same one a moment later, asks a live replica.
 * The default gives up on such a read, and a redirect answered 503 while two of three replicas were up
 * (TwoRegionsIT).
 */
public final class RetryReadTimeoutElsewhere extends DefaultRetryPolicy {

    public RetryReadTimeoutElsewhere(DriverContext context, String profileName) {
        super(context, profileName);
    }

    @Override
    public RetryVerdict onReadTimeoutVerdict(Request request, ConsistencyLevel consistency, int blockFor, int received,
                                             boolean dataPresent, int retryCount) {
        return retryCount == 0 ? RetryVerdict.RETRY_NEXT : RetryVerdict.RETHROW;
    }
}
