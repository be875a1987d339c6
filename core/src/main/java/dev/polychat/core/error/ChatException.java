package dev.polychat.core.error;

/**
 * A failure the caller can be told about: a contract error code and a message fit for a user.
 * Messages never carry bodies, tokens or passwords; a cause, when there is one, stays in logs.
 */
public class ChatException extends RuntimeException {
    private final ErrorCode code;

    public ChatException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ChatException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ChatException badRequest(String field, String rule) {
        return new ChatException(ErrorCode.BAD_REQUEST, field + " " + rule);
    }

    public static ChatException notFound(String what) {
        return new ChatException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ChatException forbidden(String why) {
        return new ChatException(ErrorCode.FORBIDDEN, why);
    }

    public static ChatException unauthorized() {
        return new ChatException(ErrorCode.UNAUTHORIZED, "a valid bearer token is required");
    }
}
