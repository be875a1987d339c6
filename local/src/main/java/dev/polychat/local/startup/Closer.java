package dev.polychat.local.startup;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the stack that have started, stopped in the reverse order: what came up last
 * goes down first, so nothing loses a service it still uses. Safe to call from a shutdown hook
 * and again afterwards.
 */
public final class Closer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

    private final Deque<Part> parts = new ArrayDeque<>();

    private record Part(String name, AutoCloseable resource) {
    }

    public synchronized <T extends AutoCloseable> T add(String name, T resource) {
        parts.push(new Part(name, resource));
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.resource().close();
                LOG.debug("stopped {}", part.name());
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", part.name(), e.toString());
            }
        }
    }
}
