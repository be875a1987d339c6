package dev.polychat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.bench.report.Report;
import dev.polychat.bench.report.Results;
import dev.polychat.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few seconds of every part of the bench against real servers, so the bench keeps working.
 * It checks that each figure is there and what is counted rather than timed (exactly N posts,
 * no scans); speed is the bench's to print, never a test's to assert.
 */
class BenchSmokeTest {
    @TempDir
    Path work;

    @Test
    void aShortRunMeasuresEveryPartAndWritesEveryFigure() throws Exception {
        BenchOptions smoke = BenchOptions.parse(new String[] {"--smoke"});

        Results results = new Bench(smoke, BenchMain.repoRoot(), work).run();
        Path file = work.resolve("results.json");
        Report.writeJson(results, file);

        JsonNode json = Json.read(Files.readString(file));
        assertThat(json.path("fanout")).hasSize(1);
        assertThat(names(json.path("fanout").get(0))).contains("recipients", "p50Ms",
                "p99Ms", "floorP50Ms", "floorP99Ms", "cpuMsPerMessage");
        JsonNode perMessage = json.path("perMessage");
        assertThat(names(perMessage)).contains("recipients", "pgRoundTrips", "dynamoRequests",
                "scans", "postToConnection");
        assertThat(perMessage.path("postToConnection").asDouble())
                .isEqualTo(perMessage.path("recipients").asDouble());
        assertThat(perMessage.path("scans").asDouble()).isZero();
        assertThat(json.path("coldStart").size()).isEqualTo(6);
        for (JsonNode row : json.path("coldStart")) {
            assertThat(names(row)).contains("function", "ms", "jarBytes");
        }
        assertThat(names(json.path("history"))).contains("firstP50Ms", "firstP99Ms",
                "deepP50Ms", "deepP99Ms");
        assertThat(names(json.path("throughput"))).contains("messagesPerSecond", "p99AckMs",
                "lost", "duplicated");
        assertThat(json.path("throughput").path("messagesPerSecond").asDouble()).isPositive();
        assertThat(names(json.path("presence"))).contains("writesPerUserHour");
    }

    private static List<String> names(JsonNode object) {
        assertThat(object.isObject()).as("%s is an object", object).isTrue();
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
