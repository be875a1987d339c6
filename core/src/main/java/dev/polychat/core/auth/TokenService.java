package dev.polychat.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.Ids;
import dev.polychat.core.domain.User;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks the bearer tokens: JWTs signed with HS256. Verification pins the
 * algorithm (an {@code alg: none} or RS256 header is refused before any signature check),
 * checks the signature, the issuer and the expiry, and requires a subject that is a user id.
 */
public final class TokenService {
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);
    private static final String ISSUER = "polychat";
    private static final String USERNAME = "username";
    private static final String DISPLAY_NAME = "displayName";

    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public TokenService(byte[] key, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("token lifetime must be at most 24 h");
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("signing key too short for HS256", e);
        }
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(User user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user.id())
                .claim(USERNAME, user.username())
                .claim(DISPLAY_NAME, user.displayName())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The identity a token proves, or empty for anything not issued by us and unexpired. */
    public Optional<Identity> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return identity(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private Optional<Identity> identity(JWTClaimsSet claims) throws ParseException {
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())
                || !ISSUER.equals(claims.getIssuer())
                || Ids.tryParse(claims.getSubject()).isEmpty()) {
            return Optional.empty();
        }
        String username = claims.getStringClaim(USERNAME);
        String displayName = claims.getStringClaim(DISPLAY_NAME);
        if (username == null || displayName == null) {
            return Optional.empty();
        }
        return Optional.of(new Identity(claims.getSubject(), username, displayName));
    }
}
