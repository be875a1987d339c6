package dev.polychat.lambda.scenario;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An event as API Gateway (or EventBridge) sends it, from a JSON file under test resources,
 * with the few fields a scenario varies set on top. {@link #as} turns the JSON into the event
 * object the way the Lambda Java runtime does, through aws-lambda-java-serialization, so a
 * handler sees exactly what it would see in AWS.
 */
public final class EventFixture {
    private final String resource;
    private final ObjectNode json;

    private EventFixture(String resource, ObjectNode json) {
        this.resource = resource;
        this.json = json;
    }

    /** Reads {@code resource} from the class path, e.g. {@code events/message/typing.json}. */
    public static EventFixture load(String resource) {
        try (InputStream in = EventFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture " + resource);
            }
            JsonNode node = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new EventFixture(resource, (ObjectNode) node);
        } catch (IOException e) {
            throw new UncheckedIOException("reading event fixture " + resource, e);
        }
    }

    /** Sets a string at a dotted path ("requestContext.connectionId"); null writes null. */
    public EventFixture set(String path, String value) {
        parentOf(path).put(leaf(path), value);
        return this;
    }

    public EventFixture set(String path, long value) {
        parentOf(path).put(leaf(path), value);
        return this;
    }

    public EventFixture set(String path, boolean value) {
        parentOf(path).put(leaf(path), value);
        return this;
    }

    /** Replaces the object at the path with these string entries (headers, query). */
    public EventFixture set(String path, Map<String, String> entries) {
        ObjectNode object = parentOf(path).putObject(leaf(path));
        entries.forEach(object::put);
        return this;
    }

    /** Removes the field, as API Gateway leaves out what a request did not have. */
    public EventFixture remove(String path) {
        parentOf(path).remove(leaf(path));
        return this;
    }

    /** The JSON as it stands, for checks on the fixture itself. */
    public String text() {
        return Json.write(json);
    }

    /** The event object, deserialized as the Lambda runtime does. */
    public <T> T as(Class<T> type) {
        try {
            return serializer(type).fromJson(text());
        } catch (RuntimeException e) {
            throw new IllegalStateException("event fixture " + resource + " is not a "
                    + type.getSimpleName(), e);
        }
    }

    /** What the runtime would write back to API Gateway for a handler's response. */
    @SuppressWarnings("unchecked")
    public static JsonNode asRuntimeWritesIt(Object response) {
        PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializer(
                response.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        try {
            return Json.read(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the runtime wrote something that is not JSON", e);
        }
    }

    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, EventFixture.class.getClassLoader());
    }

    private ObjectNode parentOf(String path) {
        ObjectNode node = json;
        String[] keys = path.split("\\.");
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(keys[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
