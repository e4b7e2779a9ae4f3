package dev.assay.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips (does not fail) a test class or test method when a model it injects is absent: an HTTP endpoint that does
 * not answer at all, or an ONNX file that does not exist (in {@code replay} mode: a cassette that does not exist).
 * The idiom of Testcontainers' {@code @Testcontainers(disabledWithoutDocker = true)}.
 *
 * <pre>{@code
 * @ModelTest
 * @EnabledIfModelAvailable
 * class CandidateModelTest {
 *     @TestModel(url = "http://localhost:8080", protocol = "open-inference", modelName = "credit")
 *     static Model candidate;
 *     ...
 * }
 * }</pre>
 *
 * <p>On a class, the {@link TestModel @TestModel} fields of the class are probed before it runs, and the
 * {@code @TestModel} parameters of each test method before the method runs; on a method, its parameters and the
 * class's fields. A model that is present but broken (answers 500, a corrupt file) is not skipped: its checks end in
 * {@code error}, never in a pass. Models given as a class or as predictions are always available.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ModelAvailabilityCondition.class)
public @interface EnabledIfModelAvailable {
}
