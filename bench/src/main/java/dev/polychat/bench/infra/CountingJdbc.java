package dev.polychat.bench.infra;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Opens JDBC connections the way the functions do (no server-side prepared statements) and
 * counts the round trips made on them: every statement execution, commit, rollback and
 * validity check goes to the server once; preparing a statement does not, with
 * {@code prepareThreshold=0}.
 */
public final class CountingJdbc implements Supplier<Connection> {
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery",
            "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> CONNECTION_TRIPS = Set.of("commit", "rollback", "isValid",
            "setTransactionIsolation", "setReadOnly", "setSavepoint", "releaseSavepoint");

    private final String url;
    private final Properties properties = new Properties();
    private final LongAdder roundTrips = new LongAdder();

    public CountingJdbc(String url, String user, String password) {
        this.url = url;
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("prepareThreshold", "0");
    }

    @Override
    public Connection get() {
        try {
            Connection real = DriverManager.getConnection(url, properties);
            return proxy(Connection.class, real, this::onConnection);
        } catch (SQLException e) {
            throw new IllegalStateException("bench could not connect to " + url, e);
        }
    }

    public long roundTrips() {
        return roundTrips.sum();
    }

    public void reset() {
        roundTrips.reset();
    }

    private Object onConnection(Object real, Method method, Object[] args) throws Throwable {
        if (CONNECTION_TRIPS.contains(method.getName())) {
            roundTrips.increment();
        }
        Object result = invoke(real, method, args);
        return switch (result) {
            case CallableStatement s -> proxy(CallableStatement.class, s, this::onStatement);
            case PreparedStatement s -> proxy(PreparedStatement.class, s, this::onStatement);
            case Statement s -> proxy(Statement.class, s, this::onStatement);
            case null, default -> result;
        };
    }

    private Object onStatement(Object real, Method method, Object[] args) throws Throwable {
        if (EXECUTIONS.contains(method.getName())) {
            roundTrips.increment();
        }
        return invoke(real, method, args);
    }

    private interface Handler {
        Object handle(Object real, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object real, Handler handler) {
        InvocationHandler forward = (self, method, args) -> handler.handle(real, method, args);
        return type.cast(Proxy.newProxyInstance(CountingJdbc.class.getClassLoader(),
                new Class<?>[] {type}, forward));
    }

    private static Object invoke(Object real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
