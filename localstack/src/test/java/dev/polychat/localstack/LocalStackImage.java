package dev.polychat.localstack;

import java.util.Map;
import java.util.Optional;

/**
 * Which LocalStack image the tests start. Pinned by default: since March 2026 the
 * {@code latest} tag needs an auth token, and 4.14.0 is the last that runs without one.
 * {@code POLYCHAT_LOCALSTACK_IMAGE} picks another tag; {@code LOCALSTACK_AUTH_TOKEN}, when
 * set, is handed to the container (newer tags and the paid features need it).
 */
record LocalStackImage(String name, Optional<String> authToken) {
    static final String PINNED = "localstack/localstack:4.14.0";
    static final String IMAGE_VARIABLE = "POLYCHAT_LOCALSTACK_IMAGE";
    static final String TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";

    static LocalStackImage choose(Map<String, String> environment) {
        String image = nonBlank(environment.get(IMAGE_VARIABLE)).orElse(PINNED);
        Optional<String> token = nonBlank(environment.get(TOKEN_VARIABLE));
        if (!image.equals(PINNED) && token.isEmpty()) {
            throw new IllegalStateException(IMAGE_VARIABLE + "=" + image + " needs "
                    + TOKEN_VARIABLE + ": LocalStack images after 4.14.0 start only with an"
                    + " auth token. Set it, or unset " + IMAGE_VARIABLE + " to use "
                    + PINNED + ".");
        }
        return new LocalStackImage(image, token);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return name + (authToken.isPresent() ? " (with auth token)" : "");
    }
}
