package dev.polychat.local.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test handlers received, in the order they received it. */
public final class EventLog {
    public final List<APIGatewayCustomAuthorizerEvent> authorizer = new CopyOnWriteArrayList<>();
    public final List<APIGatewayV2WebSocketEvent> webSocket = new CopyOnWriteArrayList<>();
    public final List<APIGatewayV2HTTPEvent> http = new CopyOnWriteArrayList<>();
    public final List<ScheduledEvent> scheduled = new CopyOnWriteArrayList<>();

    /** The WebSocket events of one connection with the given route key. */
    public List<APIGatewayV2WebSocketEvent> route(String connectionId, String routeKey) {
        return webSocket.stream()
                .filter(e -> connectionId.equals(e.getRequestContext().getConnectionId()))
                .filter(e -> routeKey.equals(e.getRequestContext().getRouteKey()))
                .toList();
    }

    public List<APIGatewayV2WebSocketEvent> route(String routeKey) {
        return webSocket.stream()
                .filter(e -> routeKey.equals(e.getRequestContext().getRouteKey()))
                .toList();
    }

    /** The connection id the last $connect was for. */
    public String lastConnectionId() {
        List<APIGatewayV2WebSocketEvent> connects = route("$connect");
        return connects.get(connects.size() - 1).getRequestContext().getConnectionId();
    }
}
