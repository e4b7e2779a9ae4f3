package dev.assay.examples.evidence;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs example suites the way Maven Surefire does: through the JUnit Platform launcher, with Allure's listener
 * writing {@code *-result.json} and attachments into a results directory of the caller's choosing. (EngineTestKit
 * would run the engines without launcher listeners, so Allure would write no test results, and the leak scan would
 * miss the files that carry the most text.) Allure's global lifecycle and the {@code allure.results.directory}
 * system property are set for the nested run and restored afterwards.
 */
final class SuiteRuns {
    private SuiteRuns() {
    }

    /**
     * Runs {@code selectors} with the {@code assay.*} configuration parameters {@code config}, the evidence in
     * {@code evidenceDir} and Allure results in {@code allureDir}.
     */
    static TestExecutionSummary run(Path evidenceDir, Path allureDir, Map<String, String> config,
                                    DiscoverySelector... selectors) {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(allureDir));
        AllureLifecycle before = Allure.getLifecycle();
        String beforeProperty = System.getProperty("allure.results.directory");
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Allure.setLifecycle(lifecycle);
        System.setProperty("allure.results.directory", allureDir.toString());
        try {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameter("assay.evidence.dir", evidenceDir.toString())
                    .configurationParameter("allure.results.directory", allureDir.toString());
            config.forEach(request::configurationParameter);
            LauncherDiscoveryRequest built = request.build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(built, new AllureJunitPlatform(lifecycle), summary);
        } finally {
            Allure.setLifecycle(before);
            if (beforeProperty == null) {
                System.clearProperty("allure.results.directory");
            } else {
                System.setProperty("allure.results.directory", beforeProperty);
            }
        }
        return summary.getSummary();
    }
}
