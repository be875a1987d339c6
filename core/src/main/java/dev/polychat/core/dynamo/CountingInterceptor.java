package dev.polychat.core.dynamo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the API calls a client makes, by operation name ("Query", "PutItem", ...), so tests
 * and the benchmark can state what a code path costs. One count per call, before any retry.
 * Register it with {@code overrideConfiguration(o -> o.addExecutionInterceptor(counter))}.
 */
public final class CountingInterceptor implements ExecutionInterceptor {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context,
            ExecutionAttributes executionAttributes) {
        String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation == null ? "unknown" : operation, k -> new LongAdder())
                .increment();
    }

    /** Calls of one operation since creation or the last {@link #reset()}. */
    public long count(String operation) {
        LongAdder adder = counts.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    /** Scans are never part of a PolyChat path; a benchmark asserts this stays zero. */
    public long scans() {
        return count("Scan");
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A sorted copy of the counts, for printing. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((operation, adder) -> copy.put(operation, adder.sum()));
        return copy;
    }

    public void reset() {
        counts.clear();
    }
}
