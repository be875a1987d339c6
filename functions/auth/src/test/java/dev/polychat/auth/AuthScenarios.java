package dev.polychat.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.domain.Identity;
import dev.polychat.lambda.scenario.ChatWorld;
import dev.polychat.lambda.scenario.HttpEvents;
import dev.polychat.lambda.scenario.LambdaContext;
import dev.polychat.testkit.ChatBackend;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Register and login through the auth function, with requests shaped as the HTTP API sends
 * them. Subclasses say where the chat runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthScenarios {
    private static final String FIXTURE = "events/auth/http-request.json";

    private ChatWorld world;
    private AuthHandler handler;

    /** Where PostgreSQL, DynamoDB and the signing key live. */
    protected abstract ChatBackend backend();

    @BeforeAll
    void startTheChat() {
        world = ChatWorld.start(backend(), getClass(), Map.of());
        handler = new AuthHandler(world.env());
    }

    @AfterAll
    void stopTheChat() {
        world.close();
    }

    @Test
    void registeringAnswers201WithAUsableTokenTheNameLowerCasedAndItAsDisplayName() {
        String name = ChatWorld.uniqueName("Alice");

        APIGatewayV2HTTPResponse response = post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\"}");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type",
                "application/json; charset=utf-8");
        JsonNode body = ChatWorld.parse(response.getBody());
        String lower = name.toLowerCase(Locale.ROOT);
        assertThat(body.at("/user/username").asText()).isEqualTo(lower);
        assertThat(body.at("/user/displayName").asText()).isEqualTo(lower);
        Identity proven = world.app().tokens().verify(body.path("token").asText()).orElseThrow();
        assertThat(proven.userId()).isEqualTo(body.at("/user/id").asText());
        assertThat(response.getBody()).doesNotContain("correct horse battery");
    }

    @Test
    void aGivenDisplayNameIsKeptTrimmed() {
        APIGatewayV2HTTPResponse response = post("/api/auth/register", "{\"username\":\""
                + ChatWorld.uniqueName("carol") + "\",\"password\":\"correct horse battery\","
                + "\"displayName\":\"  Carol ✿ C.  \"}");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(ChatWorld.parse(response.getBody()).at("/user/displayName").asText())
                .isEqualTo("Carol ✿ C.");
    }

    @Test
    void aTakenNameIsRefusedWith409WhateverItsCase() {
        String name = ChatWorld.uniqueName("bob");
        post("/api/auth/register", credentials(name, "correct horse battery"));

        APIGatewayV2HTTPResponse again = post("/api/auth/register",
                credentials(name.toUpperCase(Locale.ROOT), "another password"));

        assertError(again, 409, "username_taken");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"username\":\"ab\",\"password\":\"correct horse\"}                      | username",
        "{\"username\":\"has space\",\"password\":\"correct horse\"}               | username",
        "{\"password\":\"correct horse\"}                                          | username",
        "{\"username\":42,\"password\":\"correct horse\"}                          | username",
        "{\"username\":\"dave-ok\",\"password\":\"short\"}                         | password",
        "{\"username\":\"dave-ok\"}                                                | password",
        "{\"username\":\"dave-ok\",\"password\":[\"correct horse\"]}               | password",
        "{\"username\":\"dave-ok\",\"password\":\"correct horse\","
                + "\"displayName\":\"\"} | displayName",
    })
    void badFieldsAreRefusedWith400NamingTheField(String body, String field) {
        APIGatewayV2HTTPResponse response = post("/api/auth/register", body);

        assertError(response, 400, "bad_request");
        assertThat(message(response)).startsWith(field + " ");
    }

    @Test
    void aDisplayNameOver64CharactersIsRefused() {
        APIGatewayV2HTTPResponse response = post("/api/auth/register", "{\"username\":\""
                + ChatWorld.uniqueName("erin") + "\",\"password\":\"correct horse battery\","
                + "\"displayName\":\"" + "é".repeat(65) + "\"}");

        assertError(response, 400, "bad_request");
        assertThat(message(response)).startsWith("displayName ");
    }

    @Test
    void loggingInWithTheRightPairAnswers200AndATokenForThatUserInAnyCase() {
        String name = ChatWorld.uniqueName("frank");
        JsonNode registered = ChatWorld.parse(post("/api/auth/register",
                credentials(name, "correct horse battery")).getBody());

        APIGatewayV2HTTPResponse response = post("/api/auth/login",
                credentials(name.toUpperCase(Locale.ROOT), "correct horse battery"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = ChatWorld.parse(response.getBody());
        assertThat(body.path("user")).isEqualTo(registered.path("user"));
        assertThat(world.app().tokens().verify(body.path("token").asText()))
                .hasValueSatisfying(who -> assertThat(who.userId())
                        .isEqualTo(registered.at("/user/id").asText()));
    }

    @Test
    void aWrongPairIs401InvalidCredentialsTheSameForAnUnknownUserAndAWrongPassword() {
        String name = ChatWorld.uniqueName("grace");
        post("/api/auth/register", credentials(name, "correct horse battery"));

        APIGatewayV2HTTPResponse wrongPassword = post("/api/auth/login",
                credentials(name, "incorrect horse battery"));
        APIGatewayV2HTTPResponse unknownUser = post("/api/auth/login",
                credentials(ChatWorld.uniqueName("nobody"), "correct horse battery"));

        assertError(wrongPassword, 401, "invalid_credentials");
        assertError(unknownUser, 401, "invalid_credentials");
        assertThat(unknownUser.getBody()).isEqualTo(wrongPassword.getBody());
    }

    @ParameterizedTest(name = "body {0}")
    @CsvSource(delimiter = '|', value = {"{\"username\":", "[]", "\"text\"", "''"})
    void aBodyThatIsNotAJsonObjectIs400NamingTheBody(String body) {
        APIGatewayV2HTTPResponse response = post("/api/auth/login", body);

        assertError(response, 400, "bad_request");
        assertThat(message(response)).startsWith("body ");
    }

    @Test
    void aBase64EncodedBodyIsReadAsApiGatewaySendsIt() {
        String name = ChatWorld.uniqueName("heidi");
        String json = credentials(name, "correct horse battery");
        APIGatewayV2HTTPEvent event = HttpEvents.request(FIXTURE, "POST", "/api/auth/register")
                .body(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)))
                .event();
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context());

        assertThat(response.getStatusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/auth/login", "POST, /api/auth/logout", "POST, /api/auth",
            "PUT, /api/auth/register"})
    void anUnknownRouteIs404NotFound(String method, String path) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                HttpEvents.request(FIXTURE, method, path).body("{}").event(), context());

        assertError(response, 404, "not_found");
    }

    private APIGatewayV2HTTPResponse post(String path, String body) {
        return handler.handleRequest(HttpEvents.request(FIXTURE, "POST", path).body(body).event(),
                context());
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(ChatWorld.parse(response.getBody()).at("/error/code").asText()).isEqualTo(code);
    }

    private static String message(APIGatewayV2HTTPResponse response) {
        return ChatWorld.parse(response.getBody()).at("/error/message").asText();
    }

    private static LambdaContext context() {
        return new LambdaContext("polychat-auth");
    }
}
