package dev.polychat.localstack;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The token signing key as a Secrets Manager secret, as the CDK app makes it in AWS: a random
 * string of 48 characters whose bytes are the HMAC key ({@code POLYCHAT_JWT_SECRET_ARN}).
 */
final class SigningSecret {
    static final String DEFAULT_NAME = "polychat/jwt-signing-key";

    private static final Logger LOG = LoggerFactory.getLogger(SigningSecret.class);
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 48;

    private SigningSecret() {
    }

    /** The secret's ARN; it is created with a fresh random value if it does not exist. */
    static String ensure(SecretsManagerClient secrets, String name) {
        try {
            String arn = secrets.describeSecret(b -> b.secretId(name)).arn();
            LOG.info("signing secret {} already exists", name);
            return arn;
        } catch (ResourceNotFoundException missing) {
            String arn = secrets.createSecret(b -> b.name(name)
                    .description("PolyChat token signing key (HS256)")
                    .secretString(randomValue())).arn();
            LOG.info("created signing secret {}", name);
            return arn;
        }
    }

    private static String randomValue() {
        SecureRandom random = new SecureRandom();
        StringBuilder value = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}
