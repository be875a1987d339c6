package dev.polychat.cdk;

import static dev.polychat.cdk.TemplateView.actions;
import static dev.polychat.cdk.TemplateView.properties;
import static dev.polychat.cdk.TemplateView.resourceTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.polychat.core.dynamo.TableSpec;
import dev.polychat.core.dynamo.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The production stack as CloudFormation will receive it. */
class PolychatStackTest {
    private static final List<String> CHAT_HANDLERS = List.of(
            "dev.polychat.auth.AuthHandler", "dev.polychat.connect.AuthorizerHandler",
            "dev.polychat.connect.ConnectHandler", "dev.polychat.connect.DisconnectHandler",
            "dev.polychat.message.MessageHandler", "dev.polychat.presence.HeartbeatHandler",
            "dev.polychat.presence.SweepHandler", "dev.polychat.history.HistoryHandler");
    private static final String MIGRATE = "dev.polychat.migrate.MigrateHandler";

    private static Synthesized synthesized;
    private static Template template;
    private static TemplateView view;

    @BeforeAll
    static void synthesize() {
        synthesized = Synthesized.stage("prod");
        template = synthesized.template;
        view = new TemplateView(template);
    }

    @Test
    void synthesizesWithEveryAwsSolutionsFindingFixedOrAcknowledged() {
        // Template.fromStack already ran the cdk-nag plugin; a full synth runs it again.
        assertThatCode(() -> synthesized.app.synth()).doesNotThrowAnyException();
    }

    @Test
    void everyFunctionRunsJava21OnArm64WithSnapStartTracingAndJsonLogs() {
        List<String> handlers = new ArrayList<>(CHAT_HANDLERS);
        handlers.add(MIGRATE);
        assertThat(view.javaFunctions().values().stream()
                .map(f -> properties(f).get("Handler")))
                .containsExactlyInAnyOrderElementsOf(handlers);

        for (Map<String, Object> function : view.javaFunctions().values()) {
            assertThat(properties(function))
                    .containsEntry("Architectures", List.of("arm64"))
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                    .containsEntry("TracingConfig", Map.of("Mode", "Active"));
            assertThat(properties(function).get("LoggingConfig").toString())
                    .contains("LogFormat=JSON");
        }
    }

    @Test
    void everyFunctionStartsWithC1OnlyAndLogsJson() {
        for (String id : view.javaFunctions().keySet()) {
            assertThat(view.environment(id))
                    .containsEntry("JAVA_TOOL_OPTIONS",
                            "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
                    .containsEntry("POLYCHAT_LOG_FORMAT", "json");
        }
    }

    @Test
    void everyFunctionIsCalledThroughALiveAliasOnAPublishedVersion() {
        Map<String, Map<String, Object>> aliases = view.resources("AWS::Lambda::Alias");
        assertThat(aliases).hasSize(CHAT_HANDLERS.size() + 1);
        Set<Object> aliasedFunctions = aliases.values().stream()
                .map(a -> properties(a).get("FunctionName")).collect(Collectors.toSet());
        for (String id : view.javaFunctions().keySet()) {
            assertThat(aliasedFunctions).contains(Map.of("Ref", id));
        }
        for (Map<String, Object> alias : aliases.values()) {
            assertThat(properties(alias)).containsEntry("Name", "live");
            assertThat(properties(alias).get("FunctionVersion").toString())
                    .contains("Fn::GetAtt").contains("Version");
        }
    }

    @Test
    void everyIntegrationInvokesAnAliasNotLatest() {
        for (Map<String, Object> integration
                : view.resources("AWS::ApiGatewayV2::Integration").values()) {
            assertThat(properties(integration).get("IntegrationUri").toString())
                    .contains("Alias");
        }
        assertThat(view.resources("AWS::ApiGatewayV2::Authorizer").values().iterator().next()
                .toString()).contains("Alias");
    }

    @Test
    void everyLogGroupHasARetention() {
        Map<String, Map<String, Object>> groups = view.resources("AWS::Logs::LogGroup");
        assertThat(groups).isNotEmpty();
        for (Map<String, Object> group : groups.values()) {
            assertThat(properties(group)).containsEntry("RetentionInDays", 30);
        }
        for (Map<String, Object> function : view.javaFunctions().values()) {
            assertThat(properties(function).get("LoggingConfig").toString())
                    .contains("LogGroup");
        }
    }

    @Test
    void noPolicyOfOurFunctionsGrantsAWildcardAction() {
        for (String id : view.javaFunctions().keySet()) {
            for (Map<String, Object> statement : view.statementsOf(id)) {
                assertThat(actions(statement)).allSatisfy(action ->
                        assertThat(action).doesNotContain("*"));
                assertThat(actions(statement)).doesNotContain("dynamodb:Scan");
            }
        }
    }

    @Test
    void onlyXrayTracingIsGrantedOnAnyResource() {
        for (String id : view.javaFunctions().keySet()) {
            for (Map<String, Object> statement : view.statementsOf(id)) {
                if (resourceTexts(statement).contains("*")) {
                    assertThat(actions(statement)).containsExactlyInAnyOrder(
                            "xray:PutTraceSegments", "xray:PutTelemetryRecords");
                }
            }
        }
    }

    @Test
    void manageConnectionsIsScopedToThisApisConnectionsAndOnlyWhereNeeded() {
        Set<String> posting = Set.of("dev.polychat.connect.ConnectHandler",
                "dev.polychat.connect.DisconnectHandler", "dev.polychat.message.MessageHandler",
                "dev.polychat.presence.HeartbeatHandler", "dev.polychat.presence.SweepHandler");
        String api = view.resources("AWS::ApiGatewayV2::Api").entrySet().stream()
                .filter(e -> "WEBSOCKET".equals(properties(e.getValue()).get("ProtocolType")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();

        for (String handler : CHAT_HANDLERS) {
            List<Map<String, Object>> manage = view.statementsOf(view.functionWithHandler(handler))
                    .stream().filter(s -> actions(s).contains("execute-api:ManageConnections"))
                    .toList();
            if (!posting.contains(handler)) {
                assertThat(manage).as(handler).isEmpty();
                continue;
            }
            assertThat(manage).as(handler).hasSize(1);
            assertThat(resourceTexts(manage.getFirst())).singleElement().satisfies(resource -> {
                assertThat(resource).isNotEqualTo("*");
                assertThat(resource).contains("{Ref=" + api + "}").endsWith(
                        "/prod/*/@connections/*]]}");
            });
        }
    }

    @Test
    void eachFunctionReachesOnlyTheTablesItUses() {
        assertThat(tablesOf("dev.polychat.message.MessageHandler"))
                .containsExactlyInAnyOrder("connections", "subscriptions", "presence",
                        "rate-limits");
        for (String handler : List.of("dev.polychat.connect.ConnectHandler",
                "dev.polychat.connect.DisconnectHandler", "dev.polychat.presence.HeartbeatHandler",
                "dev.polychat.presence.SweepHandler", "dev.polychat.history.HistoryHandler")) {
            assertThat(tablesOf(handler)).as(handler)
                    .containsExactlyInAnyOrder("connections", "subscriptions", "presence");
        }
        assertThat(tablesOf("dev.polychat.auth.AuthHandler")).isEmpty();
        assertThat(tablesOf("dev.polychat.connect.AuthorizerHandler")).isEmpty();
        assertThat(tablesOf(MIGRATE)).isEmpty();
    }

    @Test
    void tableNamesReachTheFunctionsUnderEachSpecsVariable() {
        String message = view.functionWithHandler("dev.polychat.message.MessageHandler");
        for (TableSpec spec : Tables.ALL) {
            assertThat(view.environment(message).get(spec.nameVariable()))
                    .as(spec.nameVariable()).isNotNull();
        }
        assertThat(view.environment(message)).containsEntry("POLYCHAT_RATE_LIMIT", "30");
    }

    @Test
    void functionsSignInToTheProxyAsTheIamAppUserAndNeverHoldTheMasterSecret() {
        // The master secret is referenced either directly or through its attachment.
        String masterSecret = "DatabaseInstanceSecret";
        for (String handler : CHAT_HANDLERS) {
            String id = view.functionWithHandler(handler);
            Map<String, Object> environment = view.environment(id);
            if (handler.endsWith("AuthorizerHandler")) {
                assertThat(environment).doesNotContainKey("POLYCHAT_DATABASE_URL");
                assertThat(rdsConnect(id)).isEmpty();
                continue;
            }
            assertThat(environment)
                    .containsEntry("POLYCHAT_DATABASE_USER", "polychat_app")
                    .containsEntry("POLYCHAT_DATABASE_IAM_AUTH", "true")
                    .doesNotContainKey("POLYCHAT_DATABASE_SECRET_ARN");
            assertThat(String.valueOf(environment.get("POLYCHAT_DATABASE_URL")))
                    .contains("jdbc:postgresql://").contains("DatabaseProxy")
                    .contains(":5432/polychat?sslmode=require");
            assertThat(rdsConnect(id)).singleElement().satisfies(resource -> assertThat(resource)
                    .contains(":dbuser:").contains("DatabaseProxy").endsWith("/polychat_app]]}"));
            assertThat(view.statementsOf(id).toString()).doesNotContain(masterSecret);
        }
    }

    @Test
    void migrateConnectsDirectlyWithTheMasterSecretAndIsNotAProxyUser() {
        String migrate = view.functionWithHandler(MIGRATE);
        assertThat(view.environment(migrate))
                .containsEntry("POLYCHAT_DATABASE_APP_USER", "polychat_app")
                .doesNotContainKey("POLYCHAT_DATABASE_IAM_AUTH");
        assertThat(String.valueOf(view.environment(migrate).get("POLYCHAT_DATABASE_SECRET_ARN")))
                .contains("DatabaseInstanceSecret");
        assertThat(String.valueOf(view.environment(migrate).get("POLYCHAT_DATABASE_URL")))
                .contains("DatabaseInstance").doesNotContain("DatabaseProxy");
        assertThat(rdsConnect(migrate)).isEmpty();
        assertThat(view.statementsOf(migrate).toString()).contains("DatabaseInstanceSecret");
    }

    @Test
    void onlyTheFunctionsThatSignOrVerifyTokensReadTheSigningKey() {
        String key = secretIdFor("SigningKey");
        Set<String> readers = Set.of("dev.polychat.auth.AuthHandler",
                "dev.polychat.connect.AuthorizerHandler", "dev.polychat.history.HistoryHandler");
        for (String handler : CHAT_HANDLERS) {
            String id = view.functionWithHandler(handler);
            boolean reads = view.statementsOf(id).stream().anyMatch(s ->
                    actions(s).contains("secretsmanager:GetSecretValue")
                            && resourceTexts(s).contains("{Ref=" + key + "}"));
            assertThat(reads).as(handler).isEqualTo(readers.contains(handler));
            if (reads) {
                assertThat(view.environment(id)).containsEntry("POLYCHAT_JWT_SECRET_ARN",
                        Map.of("Ref", key));
            } else {
                assertThat(view.environment(id)).doesNotContainKey("POLYCHAT_JWT_SECRET_ARN");
            }
        }
    }

    @Test
    void signingKeyIsAGeneratedSecretOfAtLeast48Characters() {
        Map<String, Object> secret = properties(view.resources("AWS::SecretsManager::Secret")
                .get(secretIdFor("SigningKey")));
        @SuppressWarnings("unchecked")
        Map<String, Object> generator = (Map<String, Object>) secret.get("GenerateSecretString");
        assertThat((Integer) generator.get("PasswordLength")).isGreaterThanOrEqualTo(48);
    }

    @Test
    void proxyRequiresIamAuthAndTlsAndSignsInToTheDatabaseWithIamToo() {
        template.hasResourceProperties("AWS::RDS::DBProxy", Map.of(
                "EngineFamily", "POSTGRESQL",
                "DefaultAuthScheme", "IAM_AUTH",
                "RequireTLS", true));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of(
                "Statement", List.of(Match.objectLike(Map.of(
                        "Action", "rds-db:connect",
                        "Resource", Match.objectLike(Map.of("Fn::Join", List.of("",
                                Match.arrayWith(List.of(
                                        Map.of("Fn::GetAtt", List.of("DatabaseInstanceAA8A5FDE",
                                                "DbiResourceId")),
                                        "/polychat_app")))))))))));
    }

    @Test
    void databaseIsEncryptedPostgres17WithIamAuthTlsOnlyAndKeptInProduction() {
        template.hasResource("AWS::RDS::DBInstance", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "Engine", "postgres",
                        "EngineVersion", "17",
                        "StorageEncrypted", true,
                        "EnableIAMDatabaseAuthentication", true,
                        "MultiAZ", true,
                        "DeletionProtection", true,
                        "PubliclyAccessible", false))));
        template.hasResourceProperties("AWS::RDS::DBParameterGroup", Map.of(
                "Parameters", Match.objectLike(Map.of("rds.force_ssl", "1"))));
    }

    @Test
    void tablesFollowTheSpecsOnDemandWithTtlAndPointInTimeRecovery() {
        assertThat(view.resources("AWS::DynamoDB::Table")).hasSize(Tables.ALL.size());
        for (TableSpec spec : Tables.ALL) {
            List<Object> keys = new ArrayList<>();
            keys.add(Map.of("AttributeName", spec.partitionKey().name(), "KeyType", "HASH"));
            spec.sortKey().ifPresent(k ->
                    keys.add(Map.of("AttributeName", k.name(), "KeyType", "RANGE")));
            List<Object> indexes = spec.indexes().stream().map(i -> (Object) Match.objectLike(
                    Map.of("IndexName", i.name()))).toList();
            template.hasResource("AWS::DynamoDB::Table", Map.of(
                    "DeletionPolicy", "Retain",
                    "Properties", Match.objectLike(Map.of(
                            "KeySchema", keys,
                            "BillingMode", "PAY_PER_REQUEST",
                            "TimeToLiveSpecification", Map.of(
                                    "AttributeName", "expiresAt", "Enabled", true),
                            "PointInTimeRecoverySpecification", Map.of(
                                    "PointInTimeRecoveryEnabled", true),
                            "GlobalSecondaryIndexes", indexes.isEmpty()
                                    ? Match.absent() : Match.arrayWith(indexes)))));
        }
    }

    @Test
    void webSocketRoutesOnActionWithTheTokenAuthorizerOnConnect() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "ProtocolType", "WEBSOCKET",
                "RouteSelectionExpression", "$request.body.action"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
                "AuthorizerType", "REQUEST",
                "IdentitySource", List.of("route.request.querystring.token")));

        Map<String, Map<String, Object>> routes = webSocketRoutes();
        assertThat(routes.keySet()).containsExactlyInAnyOrder("$connect", "$disconnect",
                "$default", "sendMessage", "joinRoom", "leaveRoom", "typing", "heartbeat");
        assertThat(routes.get("$connect")).containsEntry("AuthorizationType", "CUSTOM")
                .containsKey("AuthorizerId");
        routes.forEach((key, route) -> {
            if (!key.equals("$connect")) {
                assertThat(route.get("AuthorizationType")).as(key).isIn(null, "NONE");
            }
        });
    }

    @Test
    void everyRouteButConnectAndDisconnectSendsTheHandlersReplyBack() {
        Map<String, String> routeIds = new java.util.HashMap<>();
        view.resources("AWS::ApiGatewayV2::Route").forEach((id, route) ->
                routeIds.put(id, (String) properties(route).get("RouteKey")));
        List<String> answered = view.resources("AWS::ApiGatewayV2::RouteResponse").values()
                .stream()
                .peek(r -> assertThat(properties(r)).containsEntry("RouteResponseKey", "$default"))
                .map(r -> routeIds.get(((Map<?, ?>) properties(r).get("RouteId")).get("Ref")))
                .toList();
        assertThat(answered).containsExactlyInAnyOrder("$default", "sendMessage", "joinRoom",
                "leaveRoom", "typing", "heartbeat");
    }

    @Test
    void bothApiStagesAreThrottledAndLogAccess() {
        for (Map<String, Object> stage : view.resources("AWS::ApiGatewayV2::Stage").values()) {
            assertThat(properties(stage).get("DefaultRouteSettings").toString())
                    .contains("ThrottlingRateLimit").contains("ThrottlingBurstLimit");
            assertThat(properties(stage)).containsKey("AccessLogSettings");
        }
    }

    @Test
    void webSocketStageWaitsForApiGatewaysAccountLoggingRole() {
        String account = view.resources("AWS::ApiGateway::Account").keySet().iterator().next();
        view.resources("AWS::ApiGatewayV2::Stage").forEach((id, stage) -> {
            if (id.startsWith("WebSocket")) {
                assertThat(stage.get("DependsOn").toString()).contains(account);
            }
        });
        assertThat(view.resources("AWS::ApiGateway::Account").get(account))
                .containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void chatFunctionsGetTheManagementEndpointOfTheStage() {
        Object endpoint = view.environment(view.functionWithHandler(
                "dev.polychat.message.MessageHandler")).get("POLYCHAT_CONNECTIONS_ENDPOINT");
        assertThat(String.valueOf(endpoint)).contains("https://").contains(".execute-api.")
                .contains("/prod");
        assertThat(view.environment(view.functionWithHandler("dev.polychat.auth.AuthHandler")))
                .doesNotContainKey("POLYCHAT_CONNECTIONS_ENDPOINT");
    }

    @Test
    void restRoutesSendAuthToAuthAndEverythingElseUnderApiToHistory() {
        Map<String, Object> byRoute = new java.util.HashMap<>();
        view.resources("AWS::ApiGatewayV2::Route").values().forEach(route ->
                byRoute.put((String) properties(route).get("RouteKey"), properties(route)));
        assertThat(byRoute).containsKeys("ANY /api/auth/{proxy+}", "ANY /api/{proxy+}");
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of(
                "ProtocolType", "HTTP",
                "CorsConfiguration", Match.objectLike(Map.of(
                        "AllowOrigins", List.of(Match.objectLike(Map.of("Fn::Join",
                                List.of("", List.of("https://", Match.objectLike(Map.of(
                                        "Fn::GetAtt", Match.arrayWith(List.of("DomainName"))))
                                )))))))));
    }

    @Test
    void presenceSweepRunsEveryMinuteThroughItsAlias() {
        String sweepAlias = view.resources("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> e.getKey().startsWith("FunctionsSweep"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "ScheduleExpression", "rate(1 minute)",
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", sweepAlias))))));
    }

    @Test
    void migrationsRunBeforeAnyAliasOrStageServesTraffic() {
        String trigger = view.resources("Custom::Trigger").keySet().iterator().next();
        for (String type : List.of("AWS::ApiGatewayV2::Stage")) {
            view.resources(type).values().forEach(resource ->
                    assertThat(resource.get("DependsOn").toString()).contains(trigger));
        }
        view.resources("AWS::Lambda::Alias").forEach((id, alias) -> {
            if (!id.startsWith("Migration")) {
                assertThat(String.valueOf(alias.get("DependsOn"))).as(id).contains(trigger);
            }
        });
        assertThat(view.resources("Custom::Trigger").get(trigger).toString())
                .contains("InvocationType=RequestResponse").contains("MigrationMigrate");
    }

    @Test
    void webConfigPointsTheAppAtBothApis() {
        String deployment = view.resources("Custom::CDKBucketDeployment").values().iterator()
                .next().toString();
        // config.json travels as an asset whose markers are filled in with the API addresses.
        assertThat(deployment).contains("RestApi").contains("ApiEndpoint").contains("/api")
                .contains("wss://").contains("WebSocketApi").contains("/prod");
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of(
                "DistributionConfig", Match.objectLike(Map.of(
                        "DefaultRootObject", "index.html",
                        "Origins", List.of(Match.objectLike(Map.of(
                                "OriginAccessControlId", Match.anyValue())))))));
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true,
                        "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                        "RestrictPublicBuckets", true)));
    }

    @Test
    void alarmsWatchFunctionsApisTablesAndTheProxy() {
        String alarms = view.resources("AWS::CloudWatch::Alarm").values().toString();
        assertThat(alarms).contains("MetricName=Errors").contains("MetricName=Throttles")
                .contains("MetricName=5xx").contains("MetricName=IntegrationLatency")
                .contains("MetricName=IntegrationError").contains("MetricName=ReadThrottleEvents")
                .contains("MetricName=WriteThrottleEvents")
                .contains("MetricName=DatabaseConnections")
                .contains("MetricName=ClientConnectionsSetupFailedAuth");
        int perFunction = 2 * CHAT_HANDLERS.size();
        assertThat(view.resources("AWS::CloudWatch::Alarm")).hasSizeGreaterThan(perFunction);
        for (Map<String, Object> alarm : view.resources("AWS::CloudWatch::Alarm").values()) {
            assertThat(properties(alarm)).containsKey("AlarmActions");
        }
        assertThat(view.resources("AWS::CloudWatch::Dashboard")).hasSize(1);
    }

    @Test
    void outputsNameTheAddressesToOpen() {
        assertThat(template.findOutputs("*").keySet()).contains("WebUrl", "ApiBaseUrl",
                "WebSocketUrl", "DashboardUrl");
    }

    @Test
    void everyTaggableResourceCarriesTheProjectAndStageTags() {
        List<Map<String, Object>> tagged = new ArrayList<>(view.javaFunctions().values());
        for (String type : List.of("AWS::DynamoDB::Table", "AWS::RDS::DBInstance",
                "AWS::EC2::VPC", "AWS::S3::Bucket", "AWS::SecretsManager::Secret",
                "AWS::ApiGatewayV2::Api", "AWS::CloudFront::Distribution")) {
            tagged.addAll(view.resources(type).values());
        }
        for (Map<String, Object> resource : tagged) {
            assertThat(String.valueOf(properties(resource).get("Tags")))
                    .as(resource.get("Type").toString())
                    .contains("project").contains("polychat").contains("stage");
        }
    }

    private Set<String> tablesOf(String handler) {
        Map<String, String> logicalToName = new java.util.HashMap<>();
        for (TableSpec spec : Tables.ALL) {
            String prefix = "Tables" + dev.polychat.cdk.data.ChatTables.constructId(
                    spec.logicalName());
            view.resources("AWS::DynamoDB::Table").keySet().stream()
                    .filter(id -> id.startsWith(prefix) && id.length() == prefix.length() + 8)
                    .forEach(id -> logicalToName.put(id, spec.logicalName()));
        }
        return view.statementsOf(view.functionWithHandler(handler)).stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("dynamodb:")))
                .flatMap(s -> resourceTexts(s).stream())
                .flatMap(text -> logicalToName.entrySet().stream()
                        .filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue))
                .collect(Collectors.toSet());
    }

    private List<String> rdsConnect(String functionId) {
        return view.statementsOf(functionId).stream()
                .filter(s -> actions(s).contains("rds-db:connect"))
                .flatMap(s -> resourceTexts(s).stream()).toList();
    }

    private String secretIdFor(String owner) {
        return view.resources("AWS::SecretsManager::Secret").keySet().stream()
                .filter(id -> id.contains(owner)).findFirst().orElseThrow();
    }

    private Map<String, Map<String, Object>> webSocketRoutes() {
        String api = view.resources("AWS::ApiGatewayV2::Api").entrySet().stream()
                .filter(e -> "WEBSOCKET".equals(properties(e.getValue()).get("ProtocolType")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Map<String, Map<String, Object>> routes = new java.util.HashMap<>();
        view.resources("AWS::ApiGatewayV2::Route").values().forEach(route -> {
            if (Map.of("Ref", api).equals(properties(route).get("ApiId"))) {
                routes.put((String) properties(route).get("RouteKey"), properties(route));
            }
        });
        return routes;
    }
}
