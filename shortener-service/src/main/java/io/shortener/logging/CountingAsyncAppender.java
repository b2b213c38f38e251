package io.shortener.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.concurrent.atomic.LongAdder;

/**
 * Logback's asynchronous appender, never blocking the thread that logs, and counting what it drops: events of
 * INFO and below once the queue is four fifths full (so warnings and errors keep the room that is left), and
 * any event once it is full. The count is taken as an event arrives, so under contention it may be off by the
 * few events that arrived at the same moment.
 */
public final class CountingAsyncAppender extends AsyncAppender {

    private final LongAdder dropped = new LongAdder();

    public CountingAsyncAppender() {
        setNeverBlock(true);
    }

    @Override
    protected void append(ILoggingEvent event) {
        int free = getRemainingCapacity();
        if (free == 0 || (isQueueBelowDiscardingThreshold() && isDiscardable(event))) {
            dropped.increment();
        }
        super.append(event);
    }

    public long dropped() {
        return dropped.sum();
    }
}
