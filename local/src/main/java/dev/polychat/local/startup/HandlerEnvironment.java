package dev.polychat.local.startup;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.local.Settings;
import dev.polychat.local.management.ConnectionsApi;
import dev.polychat.local.server.GatewayServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every handler runs with, as Lambda would give it: region and (dummy)
 * credentials, the endpoints of the local services, and the developer's {@code POLYCHAT_*}
 * variables. What the stack sets wins over what was passed through.
 */
public final class HandlerEnvironment {
    public static final String JWT_KEY_FILE = "POLYCHAT_JWT_KEY_FILE";

    private HandlerEnvironment() {
    }

    public static Env build(Settings settings, int port, Settings.Database database,
            URI dynamoEndpoint, Path jwtKeyFile) {
        Map<String, String> env = new LinkedHashMap<>(settings.handlerEnv());
        env.put(AwsClients.REGION, "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put(AwsClients.DYNAMODB_ENDPOINT, dynamoEndpoint.toString());
        env.put(Settings.DATABASE_URL, database.url());
        env.put(Settings.DATABASE_USER, database.user());
        env.put(Settings.DATABASE_PASSWORD, database.password());
        env.put(AwsClients.CONNECTIONS_ENDPOINT, "http://" + GatewayServer.HOST + ":" + port
                + "/" + ConnectionsApi.STAGE);
        env.put(JWT_KEY_FILE, jwtKeyFile.toString());
        return Env.of(env);
    }
}
