package io.shortener.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CountingAsyncAppenderTest {

    /** Takes its first event and then waits: a disk or a pipe that has stopped taking lines. */
    private static final class StuckAppender extends AppenderBase<ILoggingEvent> {
        final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch first = new CountDownLatch(1);

        @Override
        protected void append(ILoggingEvent event) {
            first.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final LoggerContext context = new LoggerContext();
    private final StuckAppender stuck = new StuckAppender();
    private final CountingAsyncAppender async = new CountingAsyncAppender();

    @Test
    void aStuckOutputNeverBlocksTheLoggerAndEveryDropIsCounted() throws Exception {
        start(10);
        async.doAppend(event(Level.INFO));
        assertThat(stuck.first.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            async.doAppend(event(Level.INFO));
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds the logging thread waited").isLessThan(5);
        // Ten places; INFO may take them while two are left (the discarding threshold, a fifth): nine queued, the rest dropped.
        assertThat(async.dropped()).isEqualTo(1_000 - 9);
        stuck.released.countDown();
        async.stop();
    }

    @Test
    void anErrorTakesTheRoomInfoLeavesAndOnlyAFullQueueDropsIt() throws Exception {
        start(10);
        async.doAppend(event(Level.INFO));
        assertThat(stuck.first.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            async.doAppend(event(Level.INFO));
        }
        long droppedInfo = async.dropped();
        async.doAppend(event(Level.ERROR));
        assertThat(async.dropped()).as("an error past a queue INFO has filled").isEqualTo(droppedInfo);
        async.doAppend(event(Level.WARN));
        assertThat(async.dropped()).as("a warning once the queue is full").isEqualTo(droppedInfo + 1);
        stuck.released.countDown();
        async.stop();
    }

    private void start(int queueSize) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        stuck.setContext(context);
        stuck.start();
        async.setContext(context);
        async.setQueueSize(queueSize);
        async.addAppender(stuck);
        async.start();
    }

    private LoggingEvent event(Level level) {
        return new LoggingEvent(CountingAsyncAppenderTest.class.getName(), context.getLogger("test"), level, "a line", null, null);
    }
}
