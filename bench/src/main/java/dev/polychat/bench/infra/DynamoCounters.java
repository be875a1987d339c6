package dev.polychat.bench.infra;

import dev.polychat.core.dynamo.CountingInterceptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** DynamoDB requests by operation and the capacity they consumed, for one client. */
public final class DynamoCounters {
    private static final Set<String> WRITES =
            Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");

    private final CountingInterceptor requests = new CountingInterceptor();
    private final CapacityInterceptor capacity = new CapacityInterceptor();

    List<ExecutionInterceptor> interceptors() {
        return List.of(requests, capacity);
    }

    public long total() {
        return requests.total();
    }

    public long scans() {
        return requests.scans();
    }

    /** Write requests: a batch counts once, as one request. */
    public long writes() {
        return WRITES.stream().mapToLong(requests::count).sum();
    }

    public Map<String, Long> byOperation() {
        return requests.snapshot();
    }

    public double capacityUnits() {
        return capacity.units();
    }

    public void reset() {
        requests.reset();
        capacity.reset();
    }
}
