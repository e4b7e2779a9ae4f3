package dev.assay.junit;

import dev.assay.core.Decision;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A one-line fairness gate: the annotated method is a test that, after its body, evaluates a
 * {@link dev.assay.core.fairness.Fairness fairness} check of the test's model on its data, records it in the
 * evidence and the Allure result, and fails with the per-group table when the threshold is not met (an error, never
 * a pass, when the check cannot be judged).
 *
 * <pre>{@code
 * @ModelTest
 * class CreditFairnessTest {
 *     @TestModel(CreditModel.class) static Model model;
 *     @TestDataset(value = "/data/adult-holdout.csv", label = "income", positive = ">50K") static Dataset holdout;
 *
 *     @FairnessGate(metric = DEMOGRAPHIC_PARITY_RATIO, by = "sex", min = 0.8)
 *     void fourFifthsRuleOnSex() {
 *     }
 * }
 * }</pre>
 *
 * <p>The model and data are the method's {@link TestModel @TestModel} and {@link TestDataset @TestDataset}
 * parameters, else the test class's fields so annotated (static or not); when there are several, name the one to use
 * with {@link #model()} and {@link #data()}. Set {@link #min()}, {@link #max()} or both. The annotation carries
 * {@code @Test}; do not add another. May be used as a meta-annotation.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
public @interface FairnessGate {
    /** The metric, a name of {@link dev.assay.core.fairness.FairnessMetrics} ({@code demographic_parity_ratio}). */
    String metric();

    /** The group columns; several make intersectional groups. Default: the data's sensitive columns. */
    String[] by() default {};

    /** The lowest acceptable value; {@code NaN} (the default) for none. */
    double min() default Double.NaN;

    /** The highest acceptable value; {@code NaN} (the default) for none. */
    double max() default Double.NaN;

    /** The decision rule. */
    Decision decision() default Decision.POINT;

    /** Groups smaller than this are listed and left out; {@code -1} (the default) for the check's default (30). */
    int minGroupSize() default -1;

    /** The check's name in reports; default: the test's display name. */
    String name() default "";

    /** The name of the {@code @TestModel} field or parameter to use, when there are several. */
    String model() default "";

    /** The name of the {@code @TestDataset} field or parameter to use, when there are several. */
    String data() default "";
}
