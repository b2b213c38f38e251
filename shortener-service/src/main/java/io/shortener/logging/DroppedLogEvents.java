package io.shortener.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The log events every {@link CountingAsyncAppender} of the root logger has dropped, for the metrics. */
public final class DroppedLogEvents {

    private final List<CountingAsyncAppender> appenders;

    private DroppedLogEvents(List<CountingAsyncAppender> appenders) {
        this.appenders = List.copyOf(appenders);
    }

    /** The appenders the logging configuration built (Dropwizard builds them before the application runs). */
    public static DroppedLogEvents ofRootLogger() {
        List<CountingAsyncAppender> found = new ArrayList<>();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof CountingAsyncAppender counting) {
                    found.add(counting);
                }
            }
        }
        return new DroppedLogEvents(found);
    }

    public long count() {
        return appenders.stream().mapToLong(CountingAsyncAppender::dropped).sum();
    }
}
