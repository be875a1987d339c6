package dev.polychat.cdk.data;

import dev.polychat.cdk.DeploySettings;
import dev.polychat.core.dynamo.TableSpec;
import dev.polychat.core.dynamo.Tables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The DynamoDB tables, declared from the same {@link TableSpec}s the functions and the local
 * stack use, so a key name is written once. On demand (chat traffic is bursty and small installs
 * idle), TTL on the spec's expiry attribute, point-in-time recovery on.
 */
public final class ChatTables extends Construct {
    private final Map<TableSpec, Table> tables = new LinkedHashMap<>();

    public ChatTables(Construct scope, String id, DeploySettings settings) {
        super(scope, id);

        for (TableSpec spec : Tables.ALL) {
            tables.put(spec, table(spec, settings));
        }
    }

    public Table table(TableSpec spec) {
        Table table = tables.get(spec);
        if (table == null) {
            throw new IllegalArgumentException("no table for spec " + spec.logicalName());
        }
        return table;
    }

    public Map<TableSpec, Table> all() {
        return Map.copyOf(tables);
    }

    private Table table(TableSpec spec, DeploySettings settings) {
        Table.Builder builder = Table.Builder.create(this, constructId(spec.logicalName()))
                .partitionKey(attribute(spec.partitionKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(spec.ttlAttribute())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(settings.production())
                .removalPolicy(settings.dataRemovalPolicy());
        spec.sortKey().ifPresent(key -> builder.sortKey(attribute(key)));
        Table table = builder.build();

        for (TableSpec.Index index : spec.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(attribute(index.partitionKey()))
                    .sortKey(sortKey(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return table;
    }

    private static Attribute sortKey(Optional<TableSpec.Key> key) {
        return key.map(ChatTables::attribute).orElse(null);
    }

    private static Attribute attribute(TableSpec.Key key) {
        AttributeType type = key.type() == TableSpec.KeyType.NUMBER
                ? AttributeType.NUMBER : AttributeType.STRING;
        return Attribute.builder().name(key.name()).type(type).build();
    }

    /** "rate-limits" becomes "RateLimits": a stable construct id, hence a stable logical id. */
    public static String constructId(String logicalName) {
        StringBuilder id = new StringBuilder();
        for (String part : logicalName.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
