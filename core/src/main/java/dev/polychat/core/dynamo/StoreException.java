package dev.polychat.core.dynamo;

/**
 * A DynamoDB call failed for a reason the caller cannot fix by changing its input: the service
 * was unreachable, throttled past the SDK's retries, or refused the request. The SDK's
 * exception is kept as the cause.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
