package dev.assay.scenarios.kinds;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import java.util.Locale;

/** A test chat model that answers in text: {@code "answer: "} and the question in lower case. */
public class TextAssistant implements Model {
    @Override
    public Predictions predict(Dataset data) {
        Column q = data.column("question");
        String[] answers = new String[data.rows()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = answer(q.stringValue(i));
        }
        return Predictions.of(Column.categorical("answer", answers));
    }

    String answer(String question) {
        return "answer: " + question.toLowerCase(Locale.ROOT);
    }

    /** Gives a blank answer to a question written all in upper case, as a failing endpoint might. */
    public static class SilentOnShouting extends TextAssistant {
        @Override
        String answer(String question) {
            return question.equals(question.toUpperCase(Locale.ROOT)) ? " " : super.answer(question);
        }
    }
}
