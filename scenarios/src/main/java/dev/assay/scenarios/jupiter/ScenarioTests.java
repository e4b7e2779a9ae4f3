package dev.assay.scenarios.jupiter;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.Verdict;
import dev.assay.scenarios.Scenario;
import dev.assay.scenarios.ScenarioCheck;
import dev.assay.scenarios.ScenarioException;
import dev.assay.scenarios.ScenarioLoader;
import dev.assay.scenarios.internal.Execution;
import dev.assay.scenarios.internal.Messages;
import dev.assay.scenarios.internal.ScenarioFiles;
import dev.assay.reports.RunRecorder;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Scenario files as Jupiter dynamic tests, for a {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return ScenarioTests.fromClasspath("assay/");
 * }
 * }</pre>
 *
 * <p>One {@link DynamicContainer} per file (sorted by path) and one {@link DynamicTest} per check, each with a
 * test-source URI pointing at its file and line. A file that cannot be loaded becomes a container whose only test
 * fails with {@code file:line:column}. Configuration ({@code assay.seed}, {@code assay.evidence.dir}) comes from
 * system properties and the environment; the run's {@code evidence.json} is rewritten after each check.
 * Prefer {@link AssayScenarios}, which also reads JUnit configuration parameters.
 */
public final class ScenarioTests {
    private ScenarioTests() {
    }

    /**
     * The scenario files under the class-path {@code folder}, as dynamic tests.
     *
     * @throws AssayException when the folder holds no scenario file
     */
    public static Stream<DynamicNode> fromClasspath(String folder) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ScenarioTests.class.getClassLoader();
        }
        List<ScenarioFiles.Found> files = ScenarioFiles.find(loader, folder);
        if (files.isEmpty()) {
            throw new AssayException("no scenario files (*.assay.yaml, *.assay.yml, *.assay.json) under class-path"
                    + " folder '" + ScenarioFiles.folder(folder) + "'");
        }
        AssaySettings settings = AssaySettings.fromSystem();
        ScenarioLoader scenarios = ScenarioLoader.standard();
        return files.stream().map(f -> container(f, scenarios, settings));
    }

    private static DynamicNode container(ScenarioFiles.Found found, ScenarioLoader loader, AssaySettings settings) {
        String fileName = found.file().getFileName().toString();
        Scenario scenario;
        try {
            scenario = loader.load(found.file());
        } catch (ScenarioException e) {
            ScenarioException.Problem p = e.problems().get(0);
            return DynamicContainer.dynamicContainer(fileName, uri(found, p.line(), p.column()),
                    Stream.of(DynamicTest.dynamicTest("load " + fileName, uri(found, p.line(), p.column()), () -> {
                        throw e;
                    })));
        }
        return DynamicContainer.dynamicContainer(scenario.name() + " (" + fileName + ")", uri(found, 0, 0),
                scenario.checks().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                        uri(found, c.line(), c.column()), () -> run(settings, scenario, c))));
    }

    private static void run(AssaySettings settings, Scenario scenario, ScenarioCheck check) throws Throwable {
        Execution.Outcome o;
        try {
            o = Execution.run(settings, scenario, check);
        } finally {
            RunRecorder.shared(settings).flush();
        }
        String where = scenario.file() + ":" + check.line() + ":" + check.column();
        if (o.result().verdict() == Verdict.FAIL) {
            throw new AssertionFailedError(Messages.failure(o.result(), where));
        }
        if (o.result().verdict() == Verdict.ERROR) {
            throw new AssayException(Messages.error(o.result(), where), o.cause());
        }
    }

    static URI uri(ScenarioFiles.Found found, int line, int column) {
        Path file = found.file();
        String query = line > 0 ? "?line=" + line + (column > 0 ? "&column=" + column : "") : "";
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return URI.create(file.toUri() + query);
        }
        return URI.create("classpath:/" + found.resource() + query);
    }
}
