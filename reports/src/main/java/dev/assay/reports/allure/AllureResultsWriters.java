package dev.assay.reports.allure;

import dev.assay.core.AssayException;
import dev.assay.reports.allure.internal.AllureResultsJson;
import dev.assay.reports.allure.internal.AssayResultsWriter;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.util.PropertiesUtils;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Gives Allure's default lifecycle Assay's results writer, which writes the same files, byte for byte, as Allure's
 * {@code FileSystemResultsWriter} without first building Allure's shaded Jackson mapper: ~125 ms of CPU and ~390
 * classes in a fresh JVM, that is in every CI run (BENCHMARKS.md, "Issue 9 — Allure's results without Allure's
 * mapper").
 *
 * <p>{@link #install()} runs when the JUnit launcher starts, before allure-jupiter's listener takes Allure's default
 * lifecycle (Assay's JUnit extension and its scenario engine both call it), and installs the writer only when all of
 * these hold; otherwise Allure keeps its own writer and nothing changes:
 * <ul>
 *   <li>{@value #WRITER} is {@code assay} (the default), not {@code allure};</li>
 *   <li>nothing has created Allure's default lifecycle yet;</li>
 *   <li>Allure's model classes have exactly the properties that Assay's writer writes (a newer Allure with new
 *       properties keeps its own writer, so that none is dropped);</li>
 *   <li>neither {@code allure.results.clean.before.run} nor {@code allure.results.indentOutput} is set.</li>
 * </ul>
 * The results directory is Allure's: {@code allure.results.directory} from {@code allure.properties} or the system
 * properties, default {@code allure-results}.
 */
public final class AllureResultsWriters {
    /** The system property that chooses the writer: {@code assay} (default) or {@code allure}. */
    public static final String WRITER = "assay.allure.writer";

    private static Boolean installed;

    private AllureResultsWriters() {
    }

    /**
     * Installs Assay's writer into Allure's default lifecycle if the conditions above hold; once per JVM, later
     * calls return the first call's answer.
     *
     * @return whether Allure's default lifecycle writes with Assay's writer
     * @throws AssayException when {@value #WRITER} is neither {@code assay} nor {@code allure}
     */
    public static synchronized boolean install() {
        if (installed == null) {
            installed = tryInstall();
        }
        return installed;
    }

    /** Whether {@link #install()} installed Assay's writer in this JVM. */
    public static synchronized boolean installed() {
        return installed != null && installed;
    }

    private static boolean tryInstall() {
        String choice = System.getProperty(WRITER, "assay").trim().toLowerCase(Locale.ROOT);
        if (!choice.equals("assay") && !choice.equals("allure")) {
            throw new AssayException(WRITER + " must be assay or allure, but was '" + System.getProperty(WRITER)
                    + "'");
        }
        if (choice.equals("allure") || Boolean.getBoolean("allure.results.indentOutput")) {
            return false;
        }
        Properties allure = PropertiesUtils.loadAllureProperties();
        if (Boolean.parseBoolean(allure.getProperty("allure.results.clean.before.run", "false"))
                || !AllureResultsJson.modelIsKnown() || defaultLifecycleExists()) {
            return false;
        }
        Path dir = Path.of(allure.getProperty("allure.results.directory", "allure-results"));
        Allure.setLifecycle(new AllureLifecycle(new AssayResultsWriter(dir)));
        return true;
    }

    /** Whether Allure's default lifecycle was created; also true when that cannot be told. */
    private static boolean defaultLifecycleExists() {
        try {
            Field lifecycle = Allure.class.getDeclaredField("lifecycle");
            lifecycle.setAccessible(true);
            return lifecycle.get(null) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
