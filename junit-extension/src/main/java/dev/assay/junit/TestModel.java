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
 *   <li>{@link #onnx()}: an ONNX file run with ONNX Runtime ({@code com.microsoft.onnxruntime:onnxruntime} on the test
 *       class path): {@code @TestModel(onnx = "models/credit.onnx")}, looked up like {@link TestDataset#value()};</li>
 *   <li>{@link #url()} and/or {@link #protocol()}: a model behind an HTTP endpoint:
 *       {@code @TestModel(url = "http://localhost:8080", protocol = "open-inference", modelName = "credit")}. The
 *       configuration key {@code assay.model.url} replaces the URL (to point a suite at a candidate), and
 *       {@code assay.model.mode} ({@code live}, {@code record}, {@code replay}) decides whether the endpoint is
 *       called, called and recorded to {@link #cassette()}, or answered from it.</li>
 * </ul>
 *
 * <p>An ONNX file or endpoint that is absent is an error when a check calls it; add
 * {@link EnabledIfModelAvailable @EnabledIfModelAvailable} to skip the test instead. One that is present but broken
 * is always an error, never a pass. HTTP and ONNX models are made once per run for the same attributes.
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

    /** An ONNX model file. */
    String onnx() default "";

    /**
     * The endpoint of an HTTP model: a base URL (the protocol's path is appended) or the full URL. May be empty when
     * {@code assay.model.url} is configured.
     */
    String url() default "";

    /**
     * The HTTP protocol: {@code open-inference} (the default for an HTTP model), {@code torchserve}, {@code mlflow},
     * {@code bentoml}, {@code tf-serving}, {@code openai-chat} or {@code json}.
     */
    String protocol() default "";

    /** The model name of an HTTP model (Open Inference, TorchServe, TF Serving; the chat {@code model}). */
    String modelName() default "";

    /**
     * The record/replay cassette of an HTTP model, relative to the working directory; default
     * {@code assay-cassettes/<model name or protocol>.jsonl}.
     */
    String cassette() default "";
}
