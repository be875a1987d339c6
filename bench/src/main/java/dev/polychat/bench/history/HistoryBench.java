package dev.polychat.bench.history;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.polychat.bench.events.LambdaEvents;
import dev.polychat.bench.infra.BenchEngines;
import dev.polychat.bench.infra.Fixtures;
import dev.polychat.bench.report.Percentiles;
import dev.polychat.bench.report.Results;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.Room;
import dev.polychat.core.service.AuthService;
import dev.polychat.history.HistoryHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History at depth: a room of many messages, pages of 50 read through the real
 * {@link HistoryHandler} (token check, membership, keyset page, JSON) from the newest end and
 * from half-way down with {@code before=}.
 */
public final class HistoryBench {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryBench.class);

    private final BenchEngines engines;
    private final long messages;
    private final int samples;

    public HistoryBench(BenchEngines engines, long messages, int samples) {
        this.engines = engines;
        this.messages = messages;
        this.samples = samples;
    }

    public Results.History run() {
        Map<String, String> env = engines.env("history");
        ChatApp app = ChatApp.shared(Env.of(env));
        AuthService.Session reader = Fixtures.user(app, "history");
        Room room = Fixtures.room(app, reader, "history at depth");
        load(room, reader);

        HistoryHandler handler = new HistoryHandler(Env.of(env));
        String path = "/api/rooms/" + room.id() + "/messages";
        APIGatewayV2HTTPEvent first = LambdaEvents.http("GET", path, reader.token(),
                Map.of("limit", "50"), null);
        APIGatewayV2HTTPEvent deep = LambdaEvents.http("GET", path, reader.token(),
                Map.of("limit", "50", "before", Long.toString(messages / 2 + 1)), null);

        for (int i = 0; i < Math.max(200, samples / 2); i++) {
            time(handler, first);
            time(handler, deep);
        }
        List<Double> firstMs = new ArrayList<>();
        List<Double> deepMs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            firstMs.add(time(handler, first));
            deepMs.add(time(handler, deep));
        }
        Percentiles f = Percentiles.of(firstMs);
        Percentiles d = Percentiles.of(deepMs);
        return new Results.History(messages, Percentiles.round(f.p50()),
                Percentiles.round(f.p99()), Percentiles.round(d.p50()),
                Percentiles.round(d.p99()));
    }

    private void load(Room room, AuthService.Session sender) {
        long started = System.nanoTime();
        try (Connection connection = engines.connect()) {
            MessageLoader.load(connection, UUID.fromString(room.id()),
                    UUID.fromString(sender.user().id()), messages);
        } catch (SQLException e) {
            throw new IllegalStateException("no connection for loading history", e);
        }
        LOG.info("history: loaded {} messages in {} ms", messages,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static double time(HistoryHandler handler, APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        double ms = (System.nanoTime() - started) / 1e6;
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("history page answered " + response.getStatusCode()
                    + ": " + response.getBody());
        }
        return ms;
    }
}
