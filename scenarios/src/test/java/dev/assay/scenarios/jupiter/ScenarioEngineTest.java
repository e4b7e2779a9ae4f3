package dev.assay.scenarios.jupiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
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
import dev.assay.core.AssayException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** The {@code assay-scenarios} engine, run the way Surefire and IDEs run it. Data: see ScenarioRunnerTest. */
class ScenarioEngineTest {
    @Tag("fixture")
    @AssayScenarios("assay-pass/")
    static class Passing {
    }

    @Tag("fixture")
    @AssayScenarios("assay-fail/")
    static class Failing {
    }

    @Tag("fixture")
    @AssayScenarios("/assay-broken")
    static class Broken {
    }

    @Tag("fixture")
    @AssayScenarios("assay-error/")
    static class Erroring {
    }

    @Tag("fixture")
    @AssayScenarios("assay-empty/")
    static class Empty {
    }

    @TempDir
    Path evidence;

    private EngineExecutionResults run(org.junit.platform.engine.DiscoverySelector selector) {
        return EngineTestKit.engine("assay-scenarios")
                .configurationParameter("assay.evidence.dir", evidence.toString())
                .configurationParameter("assay.evidence.timestamp", "2026-11-26T12:00:00Z")
                .selectors(selector).execute();
    }

    private static Path resource(String path) {
        return Path.of("target/test-classes", path).toAbsolutePath();
    }

    @Test
    void passingChecksSucceed() throws IOException {
        EngineExecutionResults results = run(selectClass(Passing.class));
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        results.containerEvents().assertThatEvents().haveExactly(1,
                event(container(), displayName("Passing credit scenario (credit.assay.yaml)"), finishedSuccessfully()));
        JsonNode json = new ObjectMapper().readTree(evidence.resolve("evidence.json").toFile());
        assertThat(json.get("suite").asText()).isEqualTo("Passing credit scenario");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("checks")).extracting(c -> c.get("id").asText() + " " + c.get("verdict").asText())
                .containsExactly("passing-credit-scenario/accuracy-at-least-0-7 pass",
                        "passing-credit-scenario/precision-at-least-0-8 pass");
    }

    @Test
    void aFailingCheckFailsItsTestWithAnAssertJStyleMessage() throws IOException {
        EngineExecutionResults results = run(selectClass(Failing.class));
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        Throwable t = failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(t).isInstanceOf(AssertionFailedError.class);
        String file = resource("assay-fail/credit-fail.assay.yaml").toString();
        String nl = System.lineSeparator();
        // Wilson 95% for 2 of 5: [0.1176, 0.7693]; for 5 of 5: [0.5655, 1]
        assertThat(t.getMessage()).startsWith(nl + "Expecting check:" + nl
                + "  \"Accuracy by sex at least 0.8\" (performance, " + file + ":14:5)" + nl
                + "to have accuracy at least 0.8 (decision: point)" + nl
                + "but accuracy was:" + nl
                + "  0.4 [0.1176, 0.7693] (95% interval) in sex=F (n=5)" + nl
                + "worst groups:" + nl
                + "  sex=F: 0.4 [0.1176, 0.7693] (n=5)" + nl
                + "  sex=M: 1 [0.5655, 1] (n=5)" + nl);
        assertThat(t.getMessage()).endsWith("seed: 7");
        assertThat(failed.getTestDescriptor().getSource()).get().isInstanceOfSatisfying(FileSource.class, s -> {
            assertThat(s.getFile().toPath().toAbsolutePath()).isEqualTo(resource("assay-fail/credit-fail.assay.yaml"));
            assertThat(s.getPosition()).get().satisfies(p -> {
                assertThat(p.getLine()).isEqualTo(14);
                assertThat(p.getColumn()).contains(5);
            });
        });
        JsonNode json = new ObjectMapper().readTree(evidence.resolve("evidence.json").toFile());
        assertThat(json.get("checks")).extracting(c -> c.get("name").asText() + ": " + c.get("verdict").asText())
                .containsExactly("Accuracy at least 0.7: pass", "Accuracy by sex at least 0.8: fail");
    }

    @Test
    void aBrokenFileFailsItsContainerWithFileLineColumnAndTheOthersStillRun() {
        EngineExecutionResults results = run(selectClass(Broken.class));
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        String file = resource("assay-broken/b-broken.assay.yaml").toString();
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(),
                displayName("b-broken.assay.yaml"),
                finishedWithFailure(instanceOf(dev.assay.scenarios.ScenarioException.class),
                        message(file + ":11:7: unknown key 'metrc' in checks[0].performance; did you mean 'metric'?"
                                + " (known keys: metric, by, min, max, decision, confidence, min-group-size,"
                                + " bootstrap, label, positive)"))));
    }

    @Test
    void anErrorCheckIsReportedAsAnErrorNotAnAssertionFailure() {
        EngineExecutionResults results = run(selectClass(Erroring.class));
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable t = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(t).isExactlyInstanceOf(AssayException.class).isNotInstanceOf(AssertionError.class);
        assertThat(t.getMessage()).startsWith("check \"Positive label that never occurs\" (performance, "
                + resource("assay-error/error.assay.yaml") + ":10:5) could not be judged: ");
        assertThat(t.getMessage()).contains("'yes'");
        assertThat(t.getCause()).isInstanceOf(AssayException.class);
    }

    @Test
    void aFolderWithoutScenariosFailsTheClass() {
        EngineExecutionResults results = run(selectClass(Empty.class));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(Empty.class),
                finishedWithFailure(message(m -> m.contains("no scenario files") && m.contains("assay-empty/")))));
    }

    @Test
    void uniqueIdSelectsOneCheck() {
        UniqueId id = UniqueId.forEngine("assay-scenarios").append("class", Failing.class.getName())
                .append("scenario", "assay-fail/credit-fail.assay.yaml").append("check", "Accuracy at least 0.7");
        EngineExecutionResults results = run(selectUniqueId(id));
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("Accuracy at least 0.7"),
                finishedSuccessfully()));
    }

    @Test
    void tagFiltersApplyToScenarioTests() {
        EngineExecutionResults results = EngineTestKit.engine("assay-scenarios")
                .configurationParameter("assay.evidence.dir", evidence.toString())
                .selectors(selectClass(Failing.class), selectClass(Broken.class))
                .filters(org.junit.platform.launcher.TagFilter.excludeTags("fixture")).execute();
        results.allEvents().assertStatistics(s -> s.started(1).failed(0)); // only the engine itself
    }

    @Test
    void packageScansSkipNestedFixturesAndRunTopLevelClasses() {
        EngineExecutionResults results = run(selectPackage("dev.assay.scenarios"));
        // only ScenariosTest (src/test/resources/assay: 2 files, 3 checks, all passing)
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        results.containerEvents().assertThatEvents().noneMatch(e -> e.getTestDescriptor().getDisplayName()
                .equals("Failing") || e.getTestDescriptor().getDisplayName().equals("Broken"));
    }
}
