package dev.polychat.local;

/** Turns a failed start into the one line a developer reads: what failed and why. */
final class StartupFailure {
    private StartupFailure() {
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null
                && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
