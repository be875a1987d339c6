package dev.polychat.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a handler writes through {@code context.getLogger()} goes to SLF4J under its name. */
final class Slf4jLambdaLogger implements LambdaLogger {
    private final Logger logger;

    Slf4jLambdaLogger(String functionName) {
        this.logger = LoggerFactory.getLogger("lambda." + functionName);
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }

    @Override
    public void log(String message, LogLevel level) {
        String line = message == null ? "null" : message.stripTrailing();
        switch (level) {
            case TRACE -> logger.trace(line);
            case DEBUG -> logger.debug(line);
            case WARN -> logger.warn(line);
            case ERROR, FATAL -> logger.error(line);
            default -> logger.info(line);
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }
}
