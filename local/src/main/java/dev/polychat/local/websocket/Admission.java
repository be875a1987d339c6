package dev.polychat.local.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.local.lambda.InvocationFailed;
import dev.polychat.local.lambda.LocalAws;
import dev.polychat.local.lambda.LocalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an upgrade becomes a connection, in API Gateway's order: the identity source
 * must be present, the REQUEST authorizer must allow, then the {@code $connect} route must
 * answer 2xx. Each refusal carries the HTTP status the client sees.
 */
final class Admission {
    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);

    /**
     * The authorizer's identity source, {@code route.request.querystring.token} in the CDK app:
     * without it API Gateway answers 401 and never calls the authorizer.
     */
    static final String IDENTITY_PARAMETER = "token";

    /** The outcome of one upgrade. */
    sealed interface Outcome permits Admitted, Refused {
    }

    record Admitted(ObjectNode authorizerContext) implements Outcome {
    }

    record Refused(int status, String message) implements Outcome {
    }

    private final LocalFunction<?, ?> authorizer;
    private final LocalFunction<?, ?> connect;
    private final WebSocketEvents events;

    Admission(LocalFunction<?, ?> authorizer, LocalFunction<?, ?> connect,
            WebSocketEvents events) {
        this.authorizer = authorizer;
        this.connect = connect;
        this.events = events;
    }

    Outcome admit(UpgradeInfo upgrade, String connectionId) {
        String identity = upgrade.query().get(IDENTITY_PARAMETER);
        if (identity == null || identity.isBlank()) {
            LOG.debug("connection {} refused: no {} in the query string", connectionId,
                    IDENTITY_PARAMETER);
            return new Refused(401, "Unauthorized");
        }

        Outcome authorized = authorize(upgrade, connectionId);
        if (!(authorized instanceof Admitted admitted)) {
            return authorized;
        }
        return runConnectRoute(upgrade, connectionId, admitted);
    }

    private Outcome authorize(UpgradeInfo upgrade, String connectionId) {
        String requestId = LocalAws.shortId();
        JsonNode response;
        try {
            response = authorizer.invoke(events.authorizer(upgrade, connectionId, requestId));
        } catch (InvocationFailed e) {
            // Lambda authorizers refuse by throwing "Unauthorized"; anything else is a fault.
            if ("Unauthorized".equals(e.errorMessage())) {
                LOG.debug("connection {} refused by the authorizer", connectionId);
                return new Refused(401, "Unauthorized");
            }
            LOG.error("authorizer failed for connection {}", connectionId, e);
            return new Refused(500, "Internal Server Error");
        }

        AuthorizerPolicy.Verdict verdict = AuthorizerPolicy.evaluate(response,
                WebSocketEvents.methodArn(WebSocketEvents.CONNECT));
        return switch (verdict.effect()) {
            case ALLOW -> new Admitted(verdict.authorizerContext());
            case DENY -> {
                LOG.debug("connection {} denied by the authorizer's policy", connectionId);
                yield new Refused(403, "Forbidden");
            }
            case MALFORMED -> {
                LOG.error("authorizer returned no principalId or policy for connection {}",
                        connectionId);
                yield new Refused(500, "Internal Server Error");
            }
        };
    }

    private Outcome runConnectRoute(UpgradeInfo upgrade, String connectionId,
            Admitted admitted) {
        JsonNode response;
        try {
            response = connect.invoke(events.connect(upgrade, connectionId,
                    admitted.authorizerContext(), LocalAws.shortId()));
        } catch (InvocationFailed e) {
            LOG.error("$connect failed for connection {}", connectionId, e);
            return new Refused(500, "Internal Server Error");
        }

        // An unset status (0 in the response class) is taken as success, as a proxy
        // integration that returns no status code lets the connection in.
        int status = response.path("statusCode").asInt(0);
        if (status == 0 || (status >= 200 && status < 300)) {
            return admitted;
        }
        LOG.debug("connection {} refused by $connect with {}", connectionId, status);
        return new Refused(status, response.path("body").asText("Forbidden"));
    }
}
