package dev.polychat.core.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes. Passwords longer than bcrypt's 72 bytes are pre-hashed rather than
 * cut, so every character counts. Checking an unknown user costs the same as a known one.
 */
public final class PasswordHasher {
    private static final int DEFAULT_COST = 10;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifier;
    private final byte[] decoyHash;

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /** A lower cost is for tests only; production keeps the default. */
    public PasswordHasher(int cost) {
        this.cost = cost;
        var strategy = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B);
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2B, new java.security.SecureRandom(),
                strategy);
        this.verifier = BCrypt.verifyer(BCrypt.Version.VERSION_2B, strategy);
        this.decoyHash = hasher.hash(cost, "decoy password for unknown users".toCharArray());
    }

    public String hash(String password) {
        return new String(hasher.hash(cost, password.toCharArray()), StandardCharsets.UTF_8);
    }

    public boolean matches(String password, String hash) {
        return verifier.verify(password.toCharArray(), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** Burns the time of one check, for a username that does not exist. */
    public void matchNothing(String password) {
        verifier.verify(password.toCharArray(), decoyHash);
    }
}
