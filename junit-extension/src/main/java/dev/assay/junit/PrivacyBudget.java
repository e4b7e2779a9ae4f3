package dev.assay.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A differential-privacy budget for a test or a test class: a {@link dev.assay.core.privacy.PrivacyLedger} parameter
 * records the spends (the reference mechanisms of {@code Privacy.release(ledger)} record theirs automatically), and
 * when the spends compose to more than ({@link #epsilon()}, {@link #delta()}) the test fails with the ledger: each
 * spend, the total and the budget.
 *
 * <pre>{@code
 * @Test
 * @PrivacyBudget(epsilon = 3, delta = 1e-5)
 * void trainingStaysWithinBudget(PrivacyLedger ledger) {
 *     ledger.record(PrivacySpend.subsampledGaussian("dp-sgd", 256.0 / 60_000, 1.1, 14_063));
 * }
 * }</pre>
 *
 * <p>On a method, the test gets a fresh ledger. On a class, the ledger is shared by every test of the class (and
 * {@code @BeforeAll}/{@code @AfterAll} methods): the test whose spends exceed the budget fails, and the class's
 * budget check is recorded after all its tests. Either way the budget check ({@code kind: privacy-budget}, metric
 * {@code epsilon}, value the composed ε, threshold the budget) goes to the evidence and the Allure result. An
 * accountant that cannot compose a spend makes the check an error, never a pass.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ModelTestExtension.class)
public @interface PrivacyBudget {
    /** The largest acceptable composed ε. */
    double epsilon();

    /** The δ at which the spends are composed (0 for pure DP). */
    double delta() default 0;

    /**
     * The accountant: {@code best} (the default: the smallest ε any applicable accountant proves), {@code rdp},
     * {@code zcdp}, {@code pld}, {@code basic} or {@code advanced}.
     */
    String accountant() default "best";

    /** The budget check's name in reports; default: "Privacy budget of " and the test's or class's display name. */
    String name() default "";
}
