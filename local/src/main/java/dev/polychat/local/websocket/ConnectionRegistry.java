package dev.polychat.local.websocket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections by id: what {@code @connections} and the limits look up. */
public final class ConnectionRegistry {
    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    void add(Connection connection) {
        open.put(connection.id(), connection);
    }

    void remove(Connection connection) {
        open.remove(connection.id(), connection);
    }

    public Optional<Connection> find(String id) {
        return Optional.ofNullable(open.get(id)).filter(Connection::isOpen);
    }

    public Collection<Connection> all() {
        return List.copyOf(open.values());
    }

    public int size() {
        return open.size();
    }
}
