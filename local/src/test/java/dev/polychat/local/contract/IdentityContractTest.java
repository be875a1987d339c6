package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.polychat.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Contract, "Identity": register, login, the caller, and who is refused. */
class IdentityContractTest {
    private final Chat chat = ContractStack.chat();
    private final Api api = chat.api;

    @Test
    void registeringAnswers201WithATokenAndTheUserStoredLowerCase() {
        String name = "Mixed.Case_" + System.nanoTime() % 100000;

        Api.Reply reply = register(name, "long enough", null);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("token").asText()).isNotBlank();
        assertThat(reply.json().path("user").path("username").asText())
                .isEqualTo(name.toLowerCase());
        assertThat(reply.json().path("user").path("displayName").asText())
                .isEqualTo(name.toLowerCase());
        assertThat(reply.json().path("user").path("id").asText()).isNotBlank();
    }

    @Test
    void aTakenUsernameInAnyCaseIs409UsernameTaken() {
        String name = "taken" + System.nanoTime() % 100000;
        register(name, "long enough", "First");

        Api.Reply reply = register(name.toUpperCase(), "long enough", "Second");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("username_taken");
    }

    @Test
    void badRegistrationFieldsAre400NamingTheField() {
        assertBadField(register("ab", "long enough", null), "username");
        assertBadField(register("a".repeat(33), "long enough", null), "username");
        assertBadField(register("spaces here", "long enough", null), "username");
        assertBadField(register("ok_name1", "short", null), "password");
        assertBadField(register("ok_name2", "x".repeat(257), null), "password");
        assertBadField(register("ok_name3", "long enough", "d".repeat(65)), "displayName");
        assertBadField(register("ok_name4", "long enough", "   "), "displayName");
        assertBadField(api.post("/api/auth/register", null, "{not json"), "body");
        assertBadField(api.post("/api/auth/register", null,
                "{\"username\":42,\"password\":\"long enough\"}"), "username");
    }

    @Test
    void loginAnswersTheSameForAnUnknownUserAndAWrongPassword() {
        Chat.Person alice = chat.signUp("alice");

        Api.Reply ok = login(alice.username(), "correct horse battery");
        Api.Reply wrongPassword = login(alice.username(), "wrong password!");
        Api.Reply unknownUser = login("nobody-" + System.nanoTime(), "correct horse battery");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("user").path("id").asText()).isEqualTo(alice.id());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.errorCode()).isEqualTo("invalid_credentials");
        assertThat(unknownUser.json()).isEqualTo(wrongPassword.json());
    }

    @Test
    void theTokenIsAJwtWhoseSubjectIsTheUserAndLivesAtMostADay() throws Exception {
        Chat.Person alice = chat.signUp("alice");

        JWTClaimsSet claims = SignedJWT.parse(alice.token()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo(alice.id());
        assertThat(claims.getExpirationTime()).isNotNull();
        assertThat(Duration.between(Instant.now(), claims.getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void usersMeAnswersTheCaller() {
        Chat.Person alice = chat.signUp("alice");

        Api.Reply me = api.get("/api/users/me", alice.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo(alice.id());
        assertThat(me.json().path("user").path("displayName").asText()).isEqualTo("Alice");
    }

    @Test
    void missingMalformedForgedUnsignedAndExpiredTokensAre401() throws Exception {
        Chat.Person alice = chat.signUp("alice");
        String forged = sign(alice.id(), "a different key, also 32 bytes!!".getBytes(
                StandardCharsets.US_ASCII), Instant.now().plusSeconds(600));
        String expired = sign(alice.id(), ContractStack.signingKey(),
                Instant.now().minusSeconds(5));
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64(
                "{\"sub\":\"" + alice.id() + "\",\"iss\":\"polychat\",\"exp\":9999999999}") + ".";

        for (String token : new String[] {null, "", "garbage", forged, expired, unsigned}) {
            Api.Reply reply = api.get("/api/users/me", token);
            assertThat(reply.status()).as("token %s", token).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("unauthorized");
        }
        assertThat(api.get("/api/rooms", "Basic abc").status()).isEqualTo(401);
    }

    static String sign(String subject, byte[] key, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().issuer("polychat").subject(subject)
                        .claim("username", "alice").claim("displayName", "Alice")
                        .expirationTime(Date.from(expiry)).build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                text.getBytes(StandardCharsets.UTF_8));
    }

    private Api.Reply register(String username, String password, String displayName) {
        var body = Json.object().put("username", username).put("password", password);
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        return api.post("/api/auth/register", null, Json.write(body));
    }

    private Api.Reply login(String username, String password) {
        return api.post("/api/auth/login", null, Json.write(Json.object()
                .put("username", username).put("password", password)));
    }

    private static void assertBadField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("bad_request");
        assertThat(reply.errorMessage()).contains(field);
    }
}
