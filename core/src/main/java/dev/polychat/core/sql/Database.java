package dev.polychat.core.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL connections of one execution environment. In Lambda an environment runs one
 * invocation at a time, so this keeps exactly one connection; the local stack runs many
 * invocations at once in one JVM, so it keeps one per concurrent caller, up to a few idle.
 *
 * <p>A connection that fails with a connection-class error (SQLState 08…, or closed) is thrown
 * away; the work is retried once on a fresh one. Every statement we run is safe to repeat: the
 * send is idempotent on (sender, clientMsgId), the rest are reads or idempotent writes.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_IDLE = 8;

    private final Supplier<Connection> opener;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    public Database(Supplier<Connection> opener) {
        this.opener = opener;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T run(String what, Work<T> work) {
        try {
            return attempt(work);
        } catch (SQLException first) {
            if (!isConnectionFailure(first)) {
                throw translate(what, first);
            }
            LOG.warn("database connection failed during {} ({}); retrying on a new connection",
                    what, first.getSQLState());
            try {
                return attempt(work);
            } catch (SQLException second) {
                throw translate(what, second);
            }
        }
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        Connection connection = borrow();
        boolean healthy = false;
        try {
            T result = work.run(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            healthy = !isConnectionFailure(e);
            throw e;
        } finally {
            giveBack(connection, healthy);
        }
    }

    private Connection borrow() throws SQLException {
        Connection connection = idle.pollFirst();
        if (connection != null) {
            return connection;
        }
        try {
            return opener.get();
        } catch (DatabaseException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    private void giveBack(Connection connection, boolean healthy) {
        if (healthy && idle.size() < MAX_IDLE) {
            idle.offerFirst(connection);
            return;
        }
        closeQuietly(connection);
    }

    /** Closes every idle connection: before a SnapStart snapshot and at shutdown. */
    public void closeIdle() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        closeIdle();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a database connection failed: {}", e.getMessage());
        }
    }

    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return (state != null && (state.startsWith("08") || state.equals("57P01")
                || state.equals("57P02") || state.equals("57P03")))
                || e.getMessage() != null && e.getMessage().contains("has been closed");
    }

    private static DatabaseException translate(String what, SQLException e) {
        return new DatabaseException(what + " failed in the database", e);
    }
}
