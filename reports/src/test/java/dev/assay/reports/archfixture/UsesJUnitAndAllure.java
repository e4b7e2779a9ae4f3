package dev.assay.reports.archfixture;

/**
 * A deliberate violation of the module rules (test code only), so {@code ReportsArchitectureTest} can show that its
 * rules do catch violations.
 */
public final class UsesJUnitAndAllure {
    private UsesJUnitAndAllure() {
    }

    public static void violate() {
        org.junit.jupiter.api.Assertions.assertTrue(true);
        io.qameta.allure.Allure.label("x", "y");
    }
}
