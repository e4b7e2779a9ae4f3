package dev.assay.reports.allure;

import dev.assay.core.CheckResult;
import dev.assay.core.Evidence;
import io.qameta.allure.Allure;

/**
 * Adds a {@link CheckResult} to the Allure result of the test that is running: labels, parameters and
 * attachments. Does nothing when no Allure test is running.
 */
public final class AllureCheckWriter {
    private AllureCheckWriter() {
    }

    public static void write(CheckResult result) {
        if (Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        Allure.label("epic", result.kind());
        if (result.metric() != null) {
            Allure.label("feature", result.metric());
        }
        Allure.parameter("verdict", result.verdict().json());
        Allure.addAttachment(result.name() + ".json", "application/json", Evidence.toJson(result), ".json");
    }
}
