package dev.assay.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @ModelTest} activates Assay for a test class: it injects {@link TestDataset @TestDataset} and
 * {@link TestModel @TestModel} fields (static fields once per class, instance fields per test instance) and
 * parameters, and adds every check evaluated in the class to the run's {@code evidence.json} and to the current
 * test's Allure result.
 *
 * <pre>{@code
 * @ModelTest
 * class CreditModelTest {
 *     @TestDataset(value = "credit.csv", label = "income", positive = ">50K", sensitive = "sex")
 *     static Dataset holdout;
 *
 *     @Test
 *     void accurateForEverySex(@TestModel(CreditModel.class) Model model) {
 *         assertThat(Performance.of(model).on(holdout).by("sex").atLeast(0.8).evaluate()).passes();
 *     }
 * }
 * }</pre>
 *
 * <p>Checks run with the configured seed ({@code assay.seed}). A check that ends in {@code error} (bad data, a
 * failing model) fails its test even when the test does not assert on it: an error is never a pass. The evidence
 * file is written when the JUnit Jupiter run ends. Configuration keys are those of
 * {@link dev.assay.core.AssayConstants}, read from JUnit configuration parameters, then system properties, then
 * environment variables.
 *
 * <p>{@code @ModelTest} may be used as a meta-annotation: a composed annotation carrying it activates Assay too.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ModelTestExtension.class)
public @interface ModelTest {
}
