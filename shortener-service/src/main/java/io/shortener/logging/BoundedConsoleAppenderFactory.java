package io.shortener.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;
import io.dropwizard.logging.common.filter.LevelFilterFactory;
import io.dropwizard.logging.common.layout.LayoutFactory;

/**
 * {@code type: bounded-console}: Dropwizard's console appender behind a {@link CountingAsyncAppender}, so a
 * burst of log lines costs a request nothing: past {@code queueSize} events waiting, lines are dropped and
 * counted ({@code shortener_log_events_dropped_total}), never waited for.
 */
@JsonTypeName("bounded-console")
public class BoundedConsoleAppenderFactory extends ConsoleAppenderFactory<ILoggingEvent> {

    @Override
    public Appender<ILoggingEvent> build(LoggerContext context, String applicationName, LayoutFactory<ILoggingEvent> layoutFactory,
                                         LevelFilterFactory<ILoggingEvent> levelFilterFactory,
                                         AsyncAppenderFactory<ILoggingEvent> asyncAppenderFactory) {
        setNeverBlock(true);
        return super.build(context, applicationName, layoutFactory, levelFilterFactory, CountingAsyncAppender::new);
    }
}
