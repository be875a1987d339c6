package dev.polychat.core.error;

/** The error codes of the public contract, with the HTTP status each one answers with. */
public enum ErrorCode {
    BAD_REQUEST("bad_request", 400),
    UNAUTHORIZED("unauthorized", 401),
    INVALID_CREDENTIALS("invalid_credentials", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404),
    USERNAME_TAKEN("username_taken", 409),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    RATE_LIMITED("rate_limited", 429),
    UNKNOWN_ACTION("unknown_action", 400),
    INTERNAL("internal", 500),
    UNAVAILABLE("unavailable", 503);

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
