package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelCardEscapeTest {
    @Test
    void markdown_escaping_backslashes_punctuation_flattens_line_breaks_and_leaves_plain_text_as_it_is() {
        assertThat(ModelCardRenderer.escMd("race=Black n=1423 [0.81, 0.84]")).isEqualTo("race=Black n=1423 [0.81, 0.84]");
        assertThat(ModelCardRenderer.escMd("")).isEmpty();
        assertThat(ModelCardRenderer.escMd("a|b")).isEqualTo("a\\|b");
        assertThat(ModelCardRenderer.escMd("*x* and _y_")).isEqualTo("\\*x\\* and \\_y\\_");
        assertThat(ModelCardRenderer.escMd("line one\nline two\r")).isEqualTo("line one line two ");
        assertThat(ModelCardRenderer.escMd("[a](b)")).isEqualTo("[a]\\(b)");
        assertThat(ModelCardRenderer.escMd("(b)")).isEqualTo("(b)");
    }
}
