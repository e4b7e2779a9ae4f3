package dev.assay.junit;

import dev.assay.core.Model;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the {@link Model} under test into a field or parameter of a {@link ModelTest @ModelTest} class. Set
 * exactly one of:
 *
 * <ul>
 *   <li>{@link #value()}: a class implementing {@code Model}, made with its no-argument constructor (which may be
 *       non-public): {@code @TestModel(CreditModel.class)};</li>
 *   <li>{@link #predictions()}: precomputed predictions in a column of the data under test:
 *       {@code @TestModel(predictions = "y_pred")};</li>
 *   <li>{@link #predictionsFile()} with {@link #column()}: precomputed predictions in a separate CSV or JSONL file,
 *       in the data's row order: {@code @TestModel(predictionsFile = "preds.csv", column = "y_pred")}. The file is
 *       looked up like {@link TestDataset#value()}.</li>
 * </ul>
 *
 * <p>A static field gets one model per test class, an instance field one per test instance. May be used as a
 * meta-annotation. Misuse fails with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}
 * naming the attribute.
 *
 * @since 0.1
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestModel {
    /** A class implementing {@link Model} with a no-argument constructor; {@code Model.class} means not set. */
    Class<? extends Model> value() default Model.class;

    /** The column of the data under test that holds precomputed predictions. */
    String predictions() default "";

    /** A file of precomputed predictions, one row per data row in the same order; needs {@link #column()}. */
    String predictionsFile() default "";

    /** The column of {@link #predictionsFile()} that holds the predictions. */
    String column() default "";
}
