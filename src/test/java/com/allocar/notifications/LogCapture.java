package com.allocar.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one java.util.logging logger writes while a test runs. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    List<String> messages() {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
