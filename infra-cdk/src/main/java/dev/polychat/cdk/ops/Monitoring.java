package dev.polychat.cdk.ops;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.DeploySettings;
import dev.polychat.cdk.api.RestGateway;
import dev.polychat.cdk.api.WebSocketGateway;
import dev.polychat.cdk.compute.ChatFunction;
import dev.polychat.cdk.data.ChatTables;
import dev.polychat.cdk.data.Database;
import dev.polychat.core.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Alarms on what users would notice first (failing or throttled functions, API errors and
 * slowness, throttled tables, a proxy running out of database connections or refusing
 * sign-ins) into one SNS topic, and a dashboard that shows the same signals side by side.
 */
public final class Monitoring extends Construct {
    private static final Duration PERIOD = Duration.minutes(5);

    /** What is watched. */
    public record Watched(List<ChatFunction> functions, WebSocketGateway webSocket,
            RestGateway rest, ChatTables tables, Database database) {
    }

    private final Topic topic;
    private final SnsAction notify;
    private final List<IAlarm> alarms = new ArrayList<>();
    private final Dashboard dashboard;

    public Monitoring(Construct scope, String id, DeploySettings settings, Watched watched) {
        super(scope, id);

        topic = Topic.Builder.create(this, "Alarms")
                .displayName("PolyChat " + settings.stage() + " alarms")
                .enforceSsl(true)
                .build();
        settings.alarmEmail().ifPresent(email ->
                topic.addSubscription(new EmailSubscription(email)));
        notify = new SnsAction(topic);

        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("PolyChat-" + settings.stage())
                .build();
        watchFunctions(watched.functions());
        watchWebSocket(watched.webSocket());
        watchRest(watched.rest());
        watchTables(watched.tables());
        watchDatabase(watched.database());
        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title("Alarms").alarms(alarms).width(24).build());
        Acks.on(topic, "AwsSolutions-SNS2",
                "CloudWatch alarms cannot publish to a topic encrypted with the AWS managed key;"
                        + " the notifications carry alarm names only, no user data.");
    }

    public Topic topic() {
        return topic;
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    private void watchFunctions(List<ChatFunction> functions) {
        List<IMetric> errors = new ArrayList<>();
        List<IMetric> throttles = new ArrayList<>();
        List<IMetric> durations = new ArrayList<>();
        for (ChatFunction f : functions) {
            String name = f.spec().id();
            Metric error = f.function().metricErrors(sum().label(name).build());
            Metric throttle = f.function().metricThrottles(sum().label(name).build());
            alarm(name + "Errors", error, 5, 1,
                    name + " failed 5 or more times in 5 minutes");
            alarm(name + "Throttles", throttle, 1, 1,
                    name + " was throttled: concurrency limit reached");
            errors.add(error);
            throttles.add(throttle);
            durations.add(f.function().metricDuration(stat("p99").label(name).build()));
        }
        dashboard.addWidgets(
                graph("Function errors", errors), graph("Function throttles", throttles),
                graph("Function duration p99 (ms)", durations));
    }

    private void watchWebSocket(WebSocketGateway webSocket) {
        Map<String, String> dimensions = Map.of(
                "ApiId", webSocket.api().getApiId(), "Stage", webSocket.stage().getStageName());
        Metric integrationErrors = apiMetric("IntegrationError", "Sum", dimensions);
        Metric executionErrors = apiMetric("ExecutionError", "Sum", dimensions);
        Metric latency = apiMetric("IntegrationLatency", "p99", dimensions);
        alarm("WebSocketIntegrationErrors", integrationErrors, 5, 1,
                "WebSocket routes: 5 or more integration errors in 5 minutes");
        alarm("WebSocketExecutionErrors", executionErrors, 5, 1,
                "WebSocket API: 5 or more execution errors in 5 minutes");
        alarm("WebSocketLatency", latency, 3000, 3,
                "WebSocket routes: p99 integration latency above 3 s for 15 minutes");
        dashboard.addWidgets(
                graph("WebSocket connects and messages", List.of(
                        apiMetric("ConnectCount", "Sum", dimensions),
                        apiMetric("MessageCount", "Sum", dimensions))),
                graph("WebSocket errors", List.of(integrationErrors, executionErrors,
                        apiMetric("ClientError", "Sum", dimensions))),
                graph("WebSocket integration latency p99 (ms)", List.of(latency)));
    }

    private void watchRest(RestGateway rest) {
        Metric serverErrors = rest.stage().metricServerError(sum().build());
        Metric latency = rest.stage().metricIntegrationLatency(stat("p99").build());
        alarm("RestServerErrors", serverErrors, 5, 1,
                "REST API: 5 or more 5xx answers in 5 minutes");
        alarm("RestLatency", latency, 2000, 3,
                "REST API: p99 integration latency above 2 s for 15 minutes");
        dashboard.addWidgets(
                graph("REST requests", List.of(rest.stage().metricCount(sum().build()))),
                graph("REST errors", List.of(serverErrors,
                        rest.stage().metricClientError(sum().build()))),
                graph("REST integration latency p99 (ms)", List.of(latency)));
    }

    private void watchTables(ChatTables tables) {
        List<IMetric> throttled = new ArrayList<>();
        List<IMetric> consumed = new ArrayList<>();
        int n = 0;
        for (Map.Entry<TableSpec, Table> entry : tables.all().entrySet()) {
            String name = entry.getKey().logicalName();
            Table table = entry.getValue();
            // Ids must be unique across the expressions that share the dashboard graph.
            String reads = "reads" + n;
            String writes = "writes" + n++;
            MathExpression throttles = MathExpression.Builder.create()
                    .expression(reads + " + " + writes)
                    .usingMetrics(Map.of(
                            reads, table.metric("ReadThrottleEvents", sum().build()),
                            writes, table.metric("WriteThrottleEvents", sum().build())))
                    .label(name)
                    .period(PERIOD)
                    .build();
            alarm("Table" + ChatTables.constructId(name) + "Throttles", throttles, 1, 1,
                    "DynamoDB table " + name + " throttled requests");
            throttled.add(throttles);
            consumed.add(table.metricConsumedWriteCapacityUnits(
                    sum().label(name + " writes").build()));
            consumed.add(table.metricConsumedReadCapacityUnits(
                    sum().label(name + " reads").build()));
        }
        dashboard.addWidgets(graph("DynamoDB throttled requests", throttled),
                graph("DynamoDB consumed capacity", consumed));
    }

    private void watchDatabase(Database database) {
        Map<String, String> proxy = Map.of("ProxyName", database.proxy().getDbProxyName());
        MathExpression used = MathExpression.Builder.create()
                .expression("100 * used / allowed")
                .usingMetrics(Map.of(
                        "used", rdsMetric("DatabaseConnections", "Maximum", proxy),
                        "allowed", rdsMetric("MaxDatabaseConnectionsAllowed", "Minimum", proxy)))
                .label("proxy connections used (%)")
                .period(PERIOD)
                .build();
        Metric failedSignIns = rdsMetric("ClientConnectionsSetupFailedAuth", "Sum", proxy);
        Metric cpu = database.instance().metricCPUUtilization(stat("Average").build());
        Metric freeStorage = database.instance().metricFreeStorageSpace(
                stat("Minimum").build());
        alarm("ProxyConnections", used, 80, 3,
                "The proxy uses 80% or more of the database connections it may open");
        alarm("ProxyFailedSignIns", failedSignIns, 5, 1,
                "The proxy refused 5 or more sign-ins in 5 minutes (IAM user or grant missing?)");
        alarm("DatabaseCpu", cpu, 80, 3, "Database CPU above 80% for 15 minutes");
        alarm("DatabaseStorage", freeStorage, 2L * 1024 * 1024 * 1024, 1,
                "Less than 2 GiB of database storage left", ComparisonOperator.LESS_THAN_THRESHOLD);
        dashboard.addWidgets(
                graph("Proxy connections", List.of(
                        rdsMetric("ClientConnections", "Maximum", proxy),
                        rdsMetric("DatabaseConnections", "Maximum", proxy), failedSignIns)),
                graph("Database CPU (%)", List.of(cpu)),
                graph("Database free storage (bytes)", List.of(freeStorage)));
    }

    private void alarm(String id, IMetric metric, double threshold, int periods,
            String description) {
        alarm(id, metric, threshold, periods, description,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
    }

    private void alarm(String id, IMetric metric, double threshold, int periods,
            String description, ComparisonOperator comparison) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(comparison)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(notify);
        alarms.add(alarm);
    }

    private static MetricOptions.Builder sum() {
        return stat("Sum");
    }

    private static MetricOptions.Builder stat(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD);
    }

    private static Metric apiMetric(String name, String statistic,
            Map<String, String> dimensions) {
        return metric("AWS/ApiGateway", name, statistic, dimensions);
    }

    private static Metric rdsMetric(String name, String statistic,
            Map<String, String> dimensions) {
        return metric("AWS/RDS", name, statistic, dimensions);
    }

    private static Metric metric(String namespace, String name, String statistic,
            Map<String, String> dimensions) {
        return Metric.Builder.create().namespace(namespace).metricName(name)
                .dimensionsMap(dimensions).statistic(statistic).period(PERIOD).build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(List.copyOf(metrics)).width(8)
                .build();
    }
}
