package dev.assay.scenarios.jupiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.scenarios.ScenarioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** The {@code @TestFactory} helper, through the Jupiter engine. */
class ScenarioTestsTest {
    @Tag("fixture")
    static class FailingFactory {
        @TestFactory
        Stream<DynamicNode> scenarios() {
            return ScenarioTests.fromClasspath("assay-fail/");
        }
    }

    @Tag("fixture")
    static class BrokenFactory {
        @TestFactory
        Stream<DynamicNode> scenarios() {
            return ScenarioTests.fromClasspath("assay-broken");
        }
    }

    @TempDir
    Path evidence;

    @BeforeEach
    void evidenceDir() {
        System.setProperty("assay.evidence.dir", evidence.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("assay.evidence.dir");
    }

    private static EngineExecutionResults run(Class<?> c) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(c)).execute();
    }

    @Test
    void oneContainerPerFileAndOneTestPerCheck() throws IOException {
        EngineExecutionResults results = run(FailingFactory.class);
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(2).started(2).succeeded(1).failed(1));
        results.containerEvents().assertThatEvents().haveExactly(1,
                event(container(), displayName("Failing credit scenario (credit-fail.assay.yaml)"),
                        finishedSuccessfully()));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(),
                displayName("Accuracy by sex at least 0.8"), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("to have accuracy at least 0.8 (decision: point)")
                                && m.contains("sex=F: 0.4")))));
        FileSource source = (FileSource) results.testEvents().failed().list().get(0).getTestDescriptor().getSource()
                .orElseThrow();
        assertThat(source.getFile().toPath().toAbsolutePath())
                .isEqualTo(Path.of("target/test-classes/assay-fail/credit-fail.assay.yaml").toAbsolutePath());
        assertThat(source.getPosition()).get().satisfies(p -> assertThat(p.getLine()).isEqualTo(14));
        JsonNode json = new ObjectMapper().readTree(evidence.resolve("evidence.json").toFile());
        assertThat(json.get("checks")).extracting(c -> c.get("verdict").asText()).containsExactly("pass", "fail");
    }

    @Test
    void aBrokenFileFailsWithFileLineColumn() {
        EngineExecutionResults results = run(BrokenFactory.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(),
                displayName("load b-broken.assay.yaml"), finishedWithFailure(instanceOf(ScenarioException.class),
                        message(m -> m.endsWith("b-broken.assay.yaml:11:7: unknown key 'metrc' in"
                                + " checks[0].performance; did you mean 'metric'? (known keys: metric, by, min, max,"
                                + " decision, confidence, min-group-size, bootstrap, label, positive)")))));
    }
}
