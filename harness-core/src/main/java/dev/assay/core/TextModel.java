package dev.assay.core;

import java.util.List;

/**
 * A model that can be prompted: it answers free-text prompts, several times each when it is nondeterministic. Checks
 * that send their own prompts (such as {@code pii-leak} with {@code prompts}) use it; an HTTP model is one when its
 * protocol answers with text ({@code openai-chat}, or {@code json} with a {@code text-pointer}).
 */
public interface TextModel extends Model {
    /**
     * The answers to each prompt, {@code samples} per prompt.
     *
     * @param source  names the prompts in messages (a file, or a data set and column)
     * @param prompts the prompts, sent verbatim, none {@code null}
     * @param samples answers per prompt, at least 1
     * @return one list of answers per prompt, in the prompts' order
     * @throws AssayException when the model cannot answer text prompts or a call fails (a model error)
     */
    List<List<String>> answer(String source, List<String> prompts, int samples);
}
