package dev.polychat.cdk;

import dev.polychat.cdk.api.RestGateway;
import dev.polychat.cdk.api.WebSocketGateway;
import dev.polychat.cdk.compute.ChatFunction;
import dev.polychat.cdk.compute.ChatFunctions;
import dev.polychat.cdk.compute.FunctionFactory;
import dev.polychat.cdk.compute.PresenceSchedule;
import dev.polychat.cdk.compute.SchemaMigration;
import dev.polychat.cdk.data.ChatTables;
import dev.polychat.cdk.data.Database;
import dev.polychat.cdk.data.SigningKeySecret;
import dev.polychat.cdk.network.Network;
import dev.polychat.cdk.ops.Monitoring;
import dev.polychat.cdk.web.WebHosting;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Everything the local stack plays, for real: network, PostgreSQL behind its proxy, the
 * DynamoDB tables, the functions, both APIs, the presence schedule, the web app, alarms and a
 * dashboard. One stack, so nothing crosses a stack boundary and one deploy is atomic.
 */
public final class PolychatStack extends Stack {
    public PolychatStack(Construct scope, String id, StackProps props, DeploySettings settings,
            FunctionJars jars) {
        super(scope, id, props);

        Network network = new Network(this, "Network", settings);
        ChatTables tables = new ChatTables(this, "Tables", settings);
        SigningKeySecret signingKey = new SigningKeySecret(this, "SigningKey", settings);
        Database database = new Database(this, "Database", network.vpc(), settings);
        WebSocketGateway webSocket = new WebSocketGateway(this, "WebSocket", settings);

        FunctionFactory factory = new FunctionFactory(settings, jars, network.vpc());
        ChatFunctions functions = new ChatFunctions(this, "Functions", factory, network.vpc(),
                new ChatFunctions.Wiring(database, tables, signingKey.secret(),
                        webSocket.stage()));
        webSocket.addRoutes(functions);
        new PresenceSchedule(this, "PresenceSweep", functions.sweep());

        WebHosting web = new WebHosting(this, "Web", settings);
        RestGateway rest = new RestGateway(this, "Rest", settings, web.origin(), functions);
        web.deployContent(rest.baseUrl(), webSocket.url());

        // Nothing serves users until the schema is current: every alias (which the APIs and
        // the schedule invoke) and both API stages wait for the migration.
        SchemaMigration migration = new SchemaMigration(this, "Migration", factory,
                network.vpc(), database, settings);
        for (ChatFunction function : functions.all()) {
            migration.runBefore(function.alias());
        }
        migration.runBefore(webSocket.stage(), rest.stage());

        Monitoring monitoring = new Monitoring(this, "Monitoring", settings,
                new Monitoring.Watched(functions.all(), webSocket, rest, tables, database));

        output("WebUrl", web.origin(), "Open this in a browser");
        output("ApiBaseUrl", rest.baseUrl(), "REST base URL (config.json apiBaseUrl)");
        output("WebSocketUrl", webSocket.url(), "WebSocket URL (config.json webSocketUrl)");
        output("DashboardUrl", "https://console.aws.amazon.com/cloudwatch/home?region="
                + getRegion() + "#dashboards:name=" + monitoring.dashboard().getDashboardName(),
                "CloudWatch dashboard");
        output("AlarmTopicArn", monitoring.topic().getTopicArn(),
                "Subscribe to this topic to receive alarms");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
