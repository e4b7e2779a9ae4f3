package dev.assay.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.reports.allure.AllureResultsWriters;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * In this build's own test run (Maven Surefire, allure-jupiter on the class path, as in a user's project), Allure's
 * default lifecycle, the one allure-jupiter's listener writes every test result with, writes through Assay's
 * results writer: Assay's launcher session listener installed it before the listener took the lifecycle.
 */
class AllureWriterTest {
    @Test
    void allure_jupiter_writes_through_assays_results_writer() throws ReflectiveOperationException {
        assumeTrue(System.getProperty(AllureResultsWriters.WRITER) == null, "the writer is chosen by the caller");

        Field writer = AllureLifecycle.class.getDeclaredField("writer");
        writer.setAccessible(true);

        assertThat(AllureResultsWriters.installed()).as("Assay's writer installed").isTrue();
        assertThat(writer.get(Allure.getLifecycle()).getClass().getName())
                .isEqualTo("dev.assay.reports.allure.internal.AssayResultsWriter");
    }
}
