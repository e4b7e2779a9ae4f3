package dev.assay.junit.internal;

import dev.assay.reports.allure.AllureResultsWriters;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives Allure's default lifecycle Assay's results writer ({@link AllureResultsWriters#install()}) when a JUnit
 * launcher session opens. The launcher creates its session listeners before its test execution listeners, so this
 * runs before allure-jupiter's listener takes Allure's default lifecycle; the work is done in the constructor for
 * that reason ({@code launcherSessionOpened} comes after the launcher is built). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class AllureWriterSession implements LauncherSessionListener {
    public AllureWriterSession() {
        AllureResultsWriters.install();
    }
}
