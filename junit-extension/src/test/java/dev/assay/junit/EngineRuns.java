package dev.assay.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.Evidence;
import dev.assay.junit.Fixtures.TestKitOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixtures through the Jupiter engine, as users run them, and reads what they left behind. */
final class EngineRuns {
    private EngineRuns() {
    }

    static EngineExecutionResults run(Class<?> fixture, Path evidenceDir, Map<String, String> parameters) {
        return ModelTestExtensionTest.execute(EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitOnly.KEY, "true")
                .configurationParameter("assay.evidence.dir", evidenceDir.toString())
                .configurationParameter("assay.evidence.timestamp", "2026-11-26T12:00:00Z")
                .configurationParameters(parameters)
                .selectors(selectClass(fixture)));
    }

    static Throwable failureOf(EngineExecutionResults results, String method) {
        Event event = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName().equals(method)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("test " + method + " did not fail"));
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    static void assertSucceeded(EngineExecutionResults results, String method) {
        assertThat(results.testEvents().succeeded().stream()
                .anyMatch(e -> e.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName().equals(method)).orElse(false)))
                .as("test %s succeeded; failures: %s", method, results.testEvents().failed().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName() + " " + e.getPayload(TestExecutionResult.class)
                                .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse(""))
                        .toList())
                .isTrue();
    }

    static Evidence evidence(Path dir) throws IOException {
        return Evidence.parse(Files.readString(dir.resolve("evidence.json")));
    }

    static JsonNode check(Evidence evidence, String name) {
        return evidence.checks().stream().filter(c -> c.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + evidence.checks()));
    }
}
