package dev.polychat.core.dynamo;

import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Follows a Query's pages: one request per page, never a Scan. */
final class Queries {
    private Queries() {
    }

    /**
     * Sends the query, then the next page as long as DynamoDB returns a LastEvaluatedKey and
     * {@code page} answers true.
     *
     * @param what names the query in an error message (keys only)
     */
    static void pages(DynamoDbClient dynamo, QueryRequest first, String what,
            Predicate<QueryResponse> page) {
        QueryRequest request = first;
        while (request != null) {
            QueryResponse response;
            try {
                response = dynamo.query(request);
            } catch (SdkException e) {
                throw new StoreException("query of " + what + " in " + first.tableName()
                        + " failed", e);
            }

            boolean wantsMore = page.test(response);
            boolean hasMore = response.hasLastEvaluatedKey()
                    && !response.lastEvaluatedKey().isEmpty();
            request = wantsMore && hasMore
                    ? first.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build()
                    : null;
        }
    }
}
