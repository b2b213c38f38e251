package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.retry.RetryDecision;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class RetryTimeoutsElsewhereTest {

    /** The policy reads only the session's name (for its log lines) from the context. */
    private final DriverContext context = (DriverContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DriverContext.class}, (proxy, method, args) -> method.getName().equals("getSessionName") ? "test" : null);
    private final RetryTimeoutsElsewhere policy = new RetryTimeoutsElsewhere(context, "default");
    private final SimpleStatement write = SimpleStatement.newInstance("INSERT INTO t (k) VALUES (1)").setIdempotent(true);

    @Test
    void aReadThatTimedOutShortOfItsReplicasIsTriedOnceMoreElsewhere() {
        assertThat(policy.onReadTimeoutVerdict(write, DefaultConsistencyLevel.LOCAL_QUORUM, 2, 1, false, 0).getRetryDecision())
                    .isEqualTo(RetryDecision.RETRY_NEXT);
        assertThat(policy.onReadTimeoutVerdict(write, DefaultConsistencyLevel.LOCAL_QUORUM, 2, 1, false, 1).getRetryDecision())
                    .isEqualTo(RetryDecision.RETHROW);
    }

    @Test
    void anIdempotentWriteOrBatchThatTimedOutIsTriedOnceMoreElsewhere() {
        for (DefaultWriteType type : new DefaultWriteType[] {DefaultWriteType.SIMPLE, DefaultWriteType.UNLOGGED_BATCH, DefaultWriteType.BATCH}) {
            assertThat(policy.onWriteTimeoutVerdict(write, DefaultConsistencyLevel.LOCAL_QUORUM, type, 2, 1, 0).getRetryDecision()).as("%s", type)
                    .isEqualTo(RetryDecision.RETRY_NEXT);
            assertThat(policy.onWriteTimeoutVerdict(write, DefaultConsistencyLevel.LOCAL_QUORUM, type, 2, 1, 1).getRetryDecision()).as("%s, a second time", type)
                    .isEqualTo(RetryDecision.RETHROW);
        }
    }

    @Test
    void aTransactionOrACounterThatTimedOutIsNotWrittenAgain() {
        assertThat(policy.onWriteTimeoutVerdict(write, DefaultConsistencyLevel.SERIAL, DefaultWriteType.CAS, 2, 1, 0).getRetryDecision())
                    .isEqualTo(RetryDecision.RETHROW);
        assertThat(policy.onWriteTimeoutVerdict(write, DefaultConsistencyLevel.LOCAL_QUORUM, DefaultWriteType.COUNTER, 2, 1, 0).getRetryDecision())
                    .isEqualTo(RetryDecision.RETHROW);
    }
}
