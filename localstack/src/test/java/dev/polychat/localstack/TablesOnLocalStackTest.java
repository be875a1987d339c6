package dev.polychat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polychat.core.auth.SigningKey;
import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.TableSpec;
import dev.polychat.core.dynamo.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The storage layer's tables as the setup makes them on LocalStack, which (unlike dynalite)
 * implements TTL: every table of {@link Tables#ALL} with its keys, indexes and TTL attribute.
 */
@RequiresDocker
class TablesOnLocalStackTest {
    private final Env env = Env.of(LocalStackBackend.shared().environment());

    @Test
    void everyTableHasTheKeysIndexesAndTtlItsSpecDeclares() {
        try (DynamoDbClient dynamo = AwsClients.dynamo(env)) {
            for (TableSpec spec : Tables.ALL) {
                TableDescription table = dynamo.describeTable(b -> b
                        .tableName(spec.defaultName())).table();

                assertThat(names(table.keySchema())).as(spec.logicalName())
                        .containsExactlyElementsOf(keyNames(spec.partitionKey(),
                                spec.sortKey().orElse(null)));
                assertThat(table.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexName))
                        .containsExactlyInAnyOrderElementsOf(spec.indexes().stream()
                                .map(TableSpec.Index::name).toList());
                var ttl = dynamo.describeTimeToLive(b -> b.tableName(spec.defaultName()))
                        .timeToLiveDescription();
                assertThat(ttl.timeToLiveStatus()).as(spec.logicalName())
                        .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
                assertThat(ttl.attributeName()).isEqualTo(spec.ttlAttribute());
            }
        }
    }

    @Test
    void runningTheSetupAgainKeepsTheSigningSecretTheFunctionsRead() {
        byte[] before = SigningKey.load(env);

        LocalStackSetup.Result again = LocalStackSetup.run(env);

        assertThat(again.signingSecretArn()).isEqualTo(env.require("POLYCHAT_JWT_SECRET_ARN"));
        assertThat(SigningKey.load(env)).isEqualTo(before).hasSizeGreaterThanOrEqualTo(32);
    }

    private static List<String> names(List<KeySchemaElement> keys) {
        return keys.stream().map(KeySchemaElement::attributeName).toList();
    }

    private static List<String> keyNames(TableSpec.Key partition, TableSpec.Key sort) {
        return sort == null ? List.of(partition.name())
                : List.of(partition.name(), sort.name());
    }
}
