package dev.polychat.local.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Lambda authorizer's answer as API Gateway does: an explicit Deny that matches the
 * method wins, otherwise a matching Allow lets the connection in; anything else is a Deny.
 */
final class AuthorizerPolicy {
    private static final String INVOKE = "execute-api:Invoke";

    enum Effect { ALLOW, DENY, MALFORMED }

    /** The verdict, and on Allow the context later events carry. */
    record Verdict(Effect effect, ObjectNode authorizerContext) {
    }

    private AuthorizerPolicy() {
    }

    static Verdict evaluate(JsonNode response, String methodArn) {
        JsonNode statements = response.path("policyDocument").path("Statement");
        if (!response.hasNonNull("principalId") || statements.isMissingNode()) {
            return new Verdict(Effect.MALFORMED, null);
        }

        boolean allowed = false;
        for (JsonNode statement : asList(statements)) {
            if (!matches(statement.path("Action"), INVOKE)
                    || !matches(statement.path("Resource"), methodArn)) {
                continue;
            }
            String effect = statement.path("Effect").asText();
            if (effect.equalsIgnoreCase("Deny")) {
                return new Verdict(Effect.DENY, null);
            }
            allowed |= effect.equalsIgnoreCase("Allow");
        }
        if (!allowed) {
            return new Verdict(Effect.DENY, null);
        }

        ObjectNode context = Json.object();
        if (response.path("context").isObject()) {
            context.setAll((ObjectNode) response.get("context"));
        }
        context.put("principalId", response.get("principalId").asText());
        return new Verdict(Effect.ALLOW, context);
    }

    private static boolean matches(JsonNode patterns, String value) {
        for (JsonNode pattern : asList(patterns)) {
            if (glob(pattern.asText()).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            list.add(node);
        }
        return list;
    }

    /** IAM wildcards: {@code *} any run of characters, {@code ?} any one character. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }
}
