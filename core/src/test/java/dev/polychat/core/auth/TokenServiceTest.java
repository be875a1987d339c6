package dev.polychat.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(
            StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final User ALICE = new User(UUID.randomUUID().toString(), "alice", "Alice");

    private final TokenService tokens = service(NOW);

    @Test
    void anIssuedTokenProvesItsUserUntilItExpires() {
        String token = tokens.issue(ALICE);

        assertThat(tokens.verify(token)).contains(new Identity(ALICE.id(), "alice", "Alice"));
        assertThat(service(NOW.plus(Duration.ofHours(12)).minusSeconds(1)).verify(token))
                .isPresent();
        assertThat(service(NOW.plus(Duration.ofHours(12))).verify(token)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims());
        forged.sign(new MACSigner("another key that is long enough!!".getBytes(
                StandardCharsets.US_ASCII)));

        assertThat(tokens.verify(forged.serialize())).isEmpty();
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(claims().toString());

        assertThat(tokens.verify(header + "." + payload + ".")).isEmpty();
        assertThat(tokens.verify(header + "." + payload)).isEmpty();
    }

    @Test
    void anotherHmacAlgorithmWithTheRightKeyIsStillRefused() throws Exception {
        byte[] longKey = new byte[64];
        System.arraycopy(KEY, 0, longKey, 0, KEY.length);
        SignedJWT other = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims());
        other.sign(new MACSigner(longKey));

        assertThat(service(NOW, longKey).verify(other.serialize())).isEmpty();
    }

    @Test
    void garbageTamperingAndMissingTokensAreRefused() {
        String token = tokens.issue(ALICE);
        String tampered = token.substring(0, token.length() - 2)
                + (token.endsWith("A") ? "BB" : "AA");

        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("not.a.token")).isEmpty();
        assertThat(tokens.verify(tampered)).isEmpty();
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer("polychat").subject(ALICE.id())
                .claim("username", "alice").claim("displayName", "Alice")
                .expirationTime(Date.from(NOW.plusSeconds(3600))).build();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static TokenService service(Instant now) {
        return service(now, KEY);
    }

    private static TokenService service(Instant now, byte[] key) {
        return new TokenService(key, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }
}
