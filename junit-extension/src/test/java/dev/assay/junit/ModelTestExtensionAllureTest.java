package dev.assay.junit;

import static dev.assay.junit.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Performance;
import dev.assay.junit.Fixtures.AgeRule;
import dev.assay.junit.Fixtures.TestKitOnly;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Each check lands in the Allure result of the test that evaluated it: the fixture runs through the JUnit launcher
 * with Allure's own listener (as {@code allure-jupiter} registers it in a user's build), writing into memory.
 */
class ModelTestExtensionAllureTest {
    @TempDir
    Path evidenceDir;

    @ModelTest
    @TestKitOnly
    static class AllureFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @TestModel(AgeRule.class)
        static Model model;

        @Test
        void withCheck() {
            assertThat(Performance.of(model).on(data).named("Accuracy overall").atLeast(0.75).evaluate()).passes();
        }

        @Test
        void withoutCheck() {
        }
    }

    /** Allure results kept in memory. */
    static final class MemoryWriter implements AllureResultsWriter {
        final List<TestResult> results = new CopyOnWriteArrayList<>();

        @Override
        public void write(TestResult testResult) {
            results.add(testResult);
        }

        @Override
        public void write(TestResultContainer testResultContainer) {
        }

        @Override
        public void write(String source, InputStream attachment) {
        }
    }

    @Test
    void checksAreAddedToTheTestsAllureResult() {
        MemoryWriter writer = new MemoryWriter();
        AllureLifecycle lifecycle = new AllureLifecycle(writer);
        AllureLifecycle before = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(AllureFixture.class))
                    .configurationParameter(TestKitOnly.KEY, "true")
                    .configurationParameter("assay.evidence.dir", evidenceDir.toString())
                    .build();
            launcher.execute(request, new AllureJunitPlatform(lifecycle), summary);
        } finally {
            Allure.setLifecycle(before);
        }
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(2);

        TestResult withCheck = result(writer, "withCheck()");
        assertThat(withCheck.getLabels()).extracting(Label::getValue).contains("performance");
        assertThat(withCheck.getAttachments()).extracting(Attachment::getName)
                .anySatisfy(name -> assertThat(name).startsWith("Accuracy overall"));
        TestResult withoutCheck = result(writer, "withoutCheck()");
        assertThat(withoutCheck.getAttachments()).extracting(Attachment::getName)
                .noneSatisfy(name -> assertThat(name).startsWith("Accuracy overall"));
    }

    private static TestResult result(MemoryWriter writer, String name) {
        return writer.results.stream().filter(r -> r.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Allure result '" + name + "' in "
                        + writer.results.stream().map(TestResult::getName).toList()));
    }
}
