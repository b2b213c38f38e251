package io.shortener.analytics;

import java.util.Map;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line per micro-batch in the job's log: how many events it read and where its time went (the
 * whole trigger, the writes, the offset log and the commit), what an operator reads when the stats lag.
 */
final class BatchProgressLog extends StreamingQueryListener {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProgressLog.class);

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        if (progress.numInputRows() == 0) {
            return;
        }
        Map<String, Long> durations = progress.durationMs();
        LOG.info("batch {}: {} events in {} ms (writes {} ms, offset log {} ms, commit {} ms)", progress.batchId(),
                progress.numInputRows(), durations.get("triggerExecution"), durations.get("addBatch"),
                durations.get("walCommit"), durations.get("commitOffsets"));
        LOG.debug("batch {} progress: {}", progress.batchId(), progress.json());
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
    }
}
