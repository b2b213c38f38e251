package io.shortener.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.retry.RetryVerdict;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.internal.core.retry.DefaultRetryPolicy;

/**
 * The driver's default retry policy, except that a read or an idempotent write which timed out short of its
 * replicas is tried once more through another coordinator. A replica that has just died (not yet seen down),
 * or one too busy to answer within the server's timeout, times out the requests its coordinator sent it;
 * another coordinator, or the same one a moment later, gets its answers. The default gives up on such a read,
 * and on any write but a batch log's, and a redirect, then a create, answered 503 while two of three replicas
 * were up (TwoRegionsIT: eu-west's listing batch timed out at LOCAL_QUORUM the moment us-east's nodes died).
 */
public final class RetryTimeoutsElsewhere extends DefaultRetryPolicy {

    public RetryTimeoutsElsewhere(DriverContext context, String profileName) {
        super(context, profileName);
    }

    @Override
    public RetryVerdict onReadTimeoutVerdict(Request request, ConsistencyLevel consistency, int blockFor, int received,
                                             boolean dataPresent, int retryCount) {
        return retryCount == 0 ? RetryVerdict.RETRY_NEXT : RetryVerdict.RETHROW;
    }

    /**
     * The driver asks only for statements marked idempotent, whose second write changes nothing the first
     * did. Never a transaction (its outcome is read back instead, see CassandraLinkStore.claim) or a counter.
     */
    @Override
    public RetryVerdict onWriteTimeoutVerdict(Request request, ConsistencyLevel consistency, WriteType writeType, int blockFor,
                                              int received, int retryCount) {
        if (writeType == DefaultWriteType.CAS || writeType == DefaultWriteType.COUNTER || retryCount > 0) {
            return super.onWriteTimeoutVerdict(request, consistency, writeType, blockFor, received, retryCount);
        }
        return RetryVerdict.RETRY_NEXT;
    }
}
