package dev.polychat.connect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.auth.TokenService;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.Identity;
import dev.polychat.lambda.SnapStartHooks;
import dev.polychat.lambda.WebSocketCalls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REQUEST authorizer of {@code $connect}: browsers cannot set headers on a WebSocket, so
 * the token comes in the {@code token} query parameter. A valid token allows the connection
 * and hands the user to every route in the authorizer context; anything else is refused with
 * 401 by throwing "Unauthorized", which is how API Gateway expects an authorizer to say so.
 */
public final class AuthorizerHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizerHandler.class);

    private final TokenService tokens;
    private final SnapStartHooks hooks;

    public AuthorizerHandler() {
        this(Env.system());
    }

    public AuthorizerHandler(Env env) {
        ChatApp app = ChatApp.shared(env);
        this.tokens = app.tokens();
        this.hooks = SnapStartHooks.register(app, () -> tokens.verify("primed.not.valid"));
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event,
            Context context) {
        Map<String, String> query = event.getQueryStringParameters();
        Optional<Identity> identity = tokens.verify(query == null ? null : query.get("token"));
        if (identity.isEmpty()) {
            LOG.info("connection refused: missing or invalid token");
            throw new RuntimeException("Unauthorized");
        }
        Identity user = identity.get();
        return IamPolicyResponseV1.builder()
                .withPrincipalId(user.userId())
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponseV1.allowStatement(
                                event.getMethodArn())))
                        .build())
                .withContext(Map.of(
                        WebSocketCalls.USER_ID, user.userId(),
                        WebSocketCalls.USERNAME, user.username(),
                        WebSocketCalls.DISPLAY_NAME, user.displayName()))
                .build();
    }
}
