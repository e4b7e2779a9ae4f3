package dev.assay.core.robustness;

import dev.assay.core.AssayException;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import java.time.Duration;
import java.util.Objects;

/**
 * One answer of a text model and how long the call took, for assertions in tests
 * ({@code assertThat(TextAnswer.ask(model, "What is the capital of France?")).satisfies(contains("Paris"))}).
 *
 * @param text    the answer, {@code null} when the model gave none
 * @param latency how long the call took; {@code null} when unknown
 */
public record TextAnswer(String text, Duration latency) {
    /** An answer of unknown latency. */
    public static TextAnswer of(String text) {
        return new TextAnswer(text, null);
    }

    /**
     * Asks {@code model} one prompt (put in the {@code prompt} column, the text models' default) and times the
     * call.
     *
     * @throws AssayException when the model fails
     */
    public static TextAnswer ask(Model model, String prompt) {
        return ask(model, "prompt", prompt);
    }

    /** Asks {@code model} one prompt, put in {@code promptColumn}, and times the call. */
    public static TextAnswer ask(Model model, String promptColumn, String prompt) {
        Objects.requireNonNull(model, "model");
        Dataset one = Datasets.inMemory("prompt").categorical(Objects.requireNonNull(promptColumn, "promptColumn"),
                Objects.requireNonNull(prompt, "prompt")).load();
        long t0 = System.nanoTime();
        Predictions p = Checks.predict(model, one);
        return new TextAnswer(p.label(0), Duration.ofNanos(System.nanoTime() - t0));
    }
}
