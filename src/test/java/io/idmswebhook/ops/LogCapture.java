package io.idmswebhook.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Records of one logger category, with the MDC as it was when each was logged (copied inside
 * publish, on the logging thread, where the fields are still set).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    public record Line(String level, String message, Map<String, String> mdc) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = (ExtLogRecord) record;
        lines.add(new Line(record.getLevel().getName(), ext.getFormattedMessage(), new java.util.HashMap<>(ext.getMdcCopy())));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
