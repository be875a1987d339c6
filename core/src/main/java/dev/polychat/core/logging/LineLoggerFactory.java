package dev.polychat.core.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

final class LineLoggerFactory implements ILoggerFactory {
    private final LogSettings settings;
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    LineLoggerFactory(LogSettings settings) {
        this.settings = settings;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new LineLogger(n, settings));
    }
}
