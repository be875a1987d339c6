package dev.polychat.core.auth;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.ConfigException;
import dev.polychat.core.config.Env;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The secret that signs and verifies tokens (HMAC-SHA256, so at least 32 bytes). In AWS it is a
 * Secrets Manager secret ({@code POLYCHAT_JWT_SECRET_ARN}); locally a file in the data folder
 * holding base64 ({@code POLYCHAT_JWT_KEY_FILE}).
 */
public final class SigningKey {
    public static final String SECRET_ARN = "POLYCHAT_JWT_SECRET_ARN";
    public static final String KEY_FILE = "POLYCHAT_JWT_KEY_FILE";
    private static final int MIN_BYTES = 32;

    private SigningKey() {
    }

    public static byte[] load(Env env) {
        var arn = env.optional(SECRET_ARN);
        if (arn.isPresent()) {
            try (var secrets = AwsClients.secrets(env)) {
                String text = secrets.getSecretValue(b -> b.secretId(arn.get())).secretString();
                return checked(SECRET_ARN, text.getBytes(StandardCharsets.UTF_8));
            }
        }
        var file = env.optional(KEY_FILE).orElseThrow(() -> new ConfigException(SECRET_ARN,
                "or " + KEY_FILE + " is required: where the token signing key is"));
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
            return checked(KEY_FILE, Base64.getDecoder().decode(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(KEY_FILE, "must name a readable file of base64 ("
                    + file + ": " + e.getMessage() + ")");
        }
    }

    private static byte[] checked(String variable, byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new ConfigException(variable, "must hold a key of at least " + MIN_BYTES
                    + " bytes");
        }
        return key;
    }
}
