package dev.polychat.bench.infra;

import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks DynamoDB for the capacity each request consumed and adds it up. The production code
 * does not ask, so the bench sets {@code ReturnConsumedCapacity=TOTAL} on the way out; that
 * changes nothing about what the request reads or writes.
 */
final class CapacityInterceptor implements ExecutionInterceptor {
    private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;

    private final DoubleAdder units = new DoubleAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context,
            ExecutionAttributes attributes) {
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        switch (response) {
            case GetItemResponse r -> add(r.consumedCapacity());
            case PutItemResponse r -> add(r.consumedCapacity());
            case UpdateItemResponse r -> add(r.consumedCapacity());
            case DeleteItemResponse r -> add(r.consumedCapacity());
            case QueryResponse r -> add(r.consumedCapacity());
            case ScanResponse r -> add(r.consumedCapacity());
            case BatchGetItemResponse r -> r.consumedCapacity().forEach(this::add);
            case BatchWriteItemResponse r -> r.consumedCapacity().forEach(this::add);
            default -> { }
        }
    }

    private void add(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            units.add(consumed.capacityUnits());
        }
    }

    double units() {
        return units.sum();
    }

    void reset() {
        units.reset();
    }
}
