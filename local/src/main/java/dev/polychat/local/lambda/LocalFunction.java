package dev.polychat.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.FunctionSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one function the way the Lambda Java runtime does: the event arrives as JSON and is
 * turned into the handler's event object by the runtime's own serializers, the handler gets a
 * context, and its response goes back to JSON through the same serializers. So a handler meets
 * exactly the objects it would meet in AWS, quirks of the event classes included.
 */
public final class LocalFunction<I, O> implements AutoCloseable {
    private final String name;
    private final PojoSerializer<I> eventSerializer;
    private final Map<Class<?>, PojoSerializer<Object>> responseSerializers =
            new ConcurrentHashMap<>();
    private final InstancePool<RequestHandler<I, O>> instances;
    private final Duration timeout;
    private final Slf4jLambdaLogger logger;

    public LocalFunction(FunctionSpec<I, O> spec, int maxInstances, Duration timeout) {
        this.name = spec.name();
        this.eventSerializer = LambdaEventSerializers.serializerFor(spec.eventType(),
                spec.eventType().getClassLoader());
        this.instances = new InstancePool<>(name, spec.factory(), maxInstances);
        this.timeout = timeout;
        this.logger = new Slf4jLambdaLogger(name);
    }

    public String name() {
        return name;
    }

    /** Creates the first instance now: a handler that cannot start fails the stack's start. */
    public void warm() {
        instances.warm();
    }

    /**
     * Invokes the handler with {@code event} and returns its response as JSON ({@code null}
     * JSON when the handler returned nothing).
     */
    public JsonNode invoke(JsonNode event) throws InvocationFailed {
        String requestId = UUID.randomUUID().toString();
        I input = eventSerializer.fromJson(Json.write(event));

        RequestHandler<I, O> handler = acquire(requestId);
        O output;
        try {
            LocalContext context = new LocalContext(name, requestId,
                    System.nanoTime() + timeout.toNanos(), logger);
            output = handler.handleRequest(input, context);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new InvocationFailed(name, requestId, e);
        } finally {
            instances.release(handler);
        }

        return output == null ? NullNode.getInstance() : toJson(output);
    }

    private RequestHandler<I, O> acquire(String requestId) throws InvocationFailed {
        try {
            return instances.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvocationFailed(name, requestId, e);
        } catch (RuntimeException | LinkageError e) {
            // Lambda reports a failing constructor as an init error of the invocation.
            throw new InvocationFailed(name, requestId, e);
        }
    }

    private JsonNode toJson(O output) {
        PojoSerializer<Object> serializer = responseSerializers.computeIfAbsent(
                output.getClass(), LocalFunction::serializerFor);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        serializer.toJson(output, bytes);
        try {
            return Json.mapper().readTree(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(name + " returned a response that is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Class<?> type) {
        return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type,
                type.getClassLoader());
    }

    @Override
    public void close() {
        instances.close();
    }
}
