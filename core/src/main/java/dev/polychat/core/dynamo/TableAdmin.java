package dev.polychat.core.dynamo;

import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.TableSpec.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates PolyChat's tables from their {@link TableSpec}s where they do not exist yet: the
 * local stack at start, tests, and LocalStack setups. In AWS the CDK app owns the tables.
 */
public final class TableAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TableAdmin.class);
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private final DynamoDbClient dynamo;

    public TableAdmin(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Creates every missing table and waits until all are ACTIVE. */
    public void createMissing(Env env) {
        for (TableSpec spec : Tables.ALL) {
            String name = Tables.name(spec, env);
            if (!exists(name)) {
                create(spec, name);
            }
        }
        for (TableSpec spec : Tables.ALL) {
            awaitActive(Tables.name(spec, env));
        }
    }

    /** Deletes every table; for tests that want a clean slate. */
    public void deleteAll(Env env) {
        for (TableSpec spec : Tables.ALL) {
            try {
                dynamo.deleteTable(b -> b.tableName(Tables.name(spec, env)));
            } catch (ResourceNotFoundException alreadyGone) {
                LOG.debug("table {} was already gone", Tables.name(spec, env));
            }
        }
    }

    private boolean exists(String name) {
        try {
            dynamo.describeTable(b -> b.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void create(TableSpec spec, String name) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = keySchema(spec.partitionKey(), spec.sortKey().orElse(null),
                attributes);
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableSpec.Index index : spec.indexes()) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey().orElse(null),
                            attributes))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes.values())
                .keySchema(keys);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            dynamo.createTable(request.build());
            LOG.info("created table {}", name);
        } catch (ResourceInUseException raced) {
            LOG.debug("table {} was created meanwhile", name);
        }
        enableTtl(spec, name);
    }

    private void enableTtl(TableSpec spec, String name) {
        try {
            awaitActive(name);
            dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                    TimeToLiveSpecification.builder()
                            .attributeName(spec.ttlAttribute()).enabled(true).build()));
        } catch (DynamoDbException unsupported) {
            // dynalite has no TTL; reads filter on expiresAt anyway, so nothing depends on it.
            LOG.debug("TTL not enabled on {}: {}", name, unsupported.getMessage());
        }
    }

    private static List<KeySchemaElement> keySchema(Key partition, Key sort,
            Map<String, AttributeDefinition> attributes) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(element(partition, KeyType.HASH, attributes));
        if (sort != null) {
            schema.add(element(sort, KeyType.RANGE, attributes));
        }
        return schema;
    }

    private static KeySchemaElement element(Key key, KeyType type,
            Map<String, AttributeDefinition> attributes) {
        ScalarAttributeType scalar = key.type() == TableSpec.KeyType.NUMBER
                ? ScalarAttributeType.N : ScalarAttributeType.S;
        attributes.putIfAbsent(key.name(), AttributeDefinition.builder()
                .attributeName(key.name()).attributeType(scalar).build());
        return KeySchemaElement.builder().attributeName(key.name()).keyType(type).build();
    }

    private void awaitActive(String name) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            TableStatus status =
                    dynamo.describeTable(b -> b.tableName(name)).table().tableStatus();
            if (status == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for table " + name, e);
            }
        }
        throw new IllegalStateException("table " + name + " not ACTIVE after "
                + ACTIVE_TIMEOUT.toSeconds() + " s");
    }
}
