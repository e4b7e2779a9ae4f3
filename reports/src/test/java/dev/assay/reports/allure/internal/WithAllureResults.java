package dev.assay.reports.allure.internal;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For tests that write through Allure's global lifecycle: each test gets a lifecycle of its own writing into
 * {@link #results} (Allure's own writer), and the previous lifecycle is put back afterwards.
 */
public abstract class WithAllureResults {
    /** The test's Allure results directory. */
    @TempDir
    protected Path results;

    private AllureLifecycle previous;

    @BeforeEach
    void installLifecycle() {
        previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
    }

    @AfterEach
    void restoreLifecycle() {
        Allure.setLifecycle(previous);
    }
}
