package dev.assay.core.robustness;

import java.time.Duration;
import java.util.Optional;

/**
 * One property a text model's answer must have ({@code contains: Paris}, {@code max-length: 200}, ...). Make them
 * with {@link TextAssertions}; the {@code expect} check applies them to each answer, and other checks (such as
 * attack packs) may reuse them.
 *
 * <p>An empty (blank) or missing answer is never judged: {@link #violation} throws, so that a check reports an
 * error rather than letting an empty answer satisfy a negative assertion such as {@code not-contains}.
 */
public interface TextAssertion {
    /** The assertion in scenario syntax, {@code contains: Paris}; never {@code null}. */
    String describe();

    /**
     * Why {@code answer} fails this assertion, or empty when it satisfies it.
     *
     * @param answer  the model's answer, not blank
     * @param latency how long the call took; only {@code latency} assertions look at it ({@code null} = unknown,
     *                which fails them)
     * @return the reason, in a few words, or empty
     * @throws dev.assay.core.AssayException when {@code answer} is {@code null} or blank
     */
    Optional<String> violation(String answer, Duration latency);
}
