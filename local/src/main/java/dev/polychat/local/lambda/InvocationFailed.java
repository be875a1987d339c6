package dev.polychat.local.lambda;

/**
 * A function invocation that did not return a response: the handler threw, or its instance
 * could not be created. Lambda reports both as a function error with the exception's message;
 * callers (the gateways) turn it into the answer API Gateway would give.
 */
public final class InvocationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final String requestId;

    InvocationFailed(String functionName, String requestId, Throwable cause) {
        super(functionName + " failed (request " + requestId + "): " + describe(cause), cause);
        this.functionName = functionName;
        this.requestId = requestId;
    }

    public String functionName() {
        return functionName;
    }

    public String requestId() {
        return requestId;
    }

    /** The message of what the handler threw, as Lambda's errorMessage carries it. */
    public String errorMessage() {
        return getCause() == null ? null : getCause().getMessage();
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
