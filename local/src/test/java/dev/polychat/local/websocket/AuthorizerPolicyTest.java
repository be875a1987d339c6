package dev.polychat.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.websocket.AuthorizerPolicy.Effect;
import org.junit.jupiter.api.Test;

class AuthorizerPolicyTest {
    private static final String ARN =
            "arn:aws:execute-api:us-east-1:000000000000:local/local/$connect";

    @Test
    void anAllowForTheMethodLetsInWithTheContextAndPrincipal() throws Exception {
        var verdict = AuthorizerPolicy.evaluate(policy("Allow", "\"" + ARN + "\""), ARN);

        assertThat(verdict.effect()).isEqualTo(Effect.ALLOW);
        assertThat(verdict.authorizerContext()).isEqualTo(
                Json.read("{\"userId\":\"u1\",\"principalId\":\"u1\"}"));
    }

    @Test
    void wildcardsMatchAsInIam() throws Exception {
        String resource = "\"arn:aws:execute-api:us-east-1:*:local/*\"";

        assertThat(AuthorizerPolicy.evaluate(policy("Allow", resource), ARN).effect())
                .isEqualTo(Effect.ALLOW);
    }

    @Test
    void anAllowForAnotherMethodIsADeny() throws Exception {
        String resource = "[\"arn:aws:execute-api:us-east-1:000000000000:other/*\"]";

        assertThat(AuthorizerPolicy.evaluate(policy("Allow", resource), ARN).effect())
                .isEqualTo(Effect.DENY);
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() throws Exception {
        JsonNode both = Json.read("{\"principalId\":\"u1\",\"policyDocument\":{\"Statement\":["
                + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"},"
                + "{\"Action\":\"*\",\"Effect\":\"Deny\",\"Resource\":\"" + ARN + "\"}]}}");

        assertThat(AuthorizerPolicy.evaluate(both, ARN).effect()).isEqualTo(Effect.DENY);
    }

    @Test
    void anAnswerWithoutPrincipalOrPolicyIsMalformed() throws Exception {
        assertThat(AuthorizerPolicy.evaluate(Json.read("{\"context\":{}}"), ARN).effect())
                .isEqualTo(Effect.MALFORMED);
    }

    private static JsonNode policy(String effect, String resource) throws Exception {
        return Json.read("{\"principalId\":\"u1\",\"context\":{\"userId\":\"u1\"},"
                + "\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect + "\","
                + "\"Resource\":" + resource + "}]}}");
    }
}
