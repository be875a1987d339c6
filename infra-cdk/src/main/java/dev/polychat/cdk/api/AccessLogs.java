package dev.polychat.cdk.api;

import dev.polychat.cdk.DeploySettings;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/** A stage's access log: one JSON line per request in a log group with a retention. */
final class AccessLogs implements IAccessLogSettings {
    private final LogGroup group;

    private AccessLogs(LogGroup group) {
        this.group = group;
    }

    static AccessLogs in(Construct scope, DeploySettings settings) {
        return new AccessLogs(LogGroup.Builder.create(scope, "AccessLogs")
                .retention(settings.logRetention())
                .removalPolicy(settings.dataRemovalPolicy())
                .build());
    }

    @Override
    public IAccessLogDestination getDestination() {
        return new LogGroupLogDestination(group);
    }
}
