package dev.assay.core.models;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The n answers of a nondeterministic (text) model for each input row ({@code samples: n}), so that a check can
 * require a pass rate: "at least k of n answers are safe".
 */
public final class Samples {
    private final List<List<String>> answers;

    Samples(List<List<String>> answers) {
        this.answers = List.copyOf(answers);
    }

    /** Number of input rows. */
    public int rows() {
        return answers.size();
    }

    /** The answers for row {@code row}, in the order they were received (or recorded). */
    public List<String> answers(int row) {
        return answers.get(row);
    }

    /** How many answers of row {@code row} satisfy {@code pass}. */
    public int passes(int row, Predicate<? super String> pass) {
        Objects.requireNonNull(pass, "pass");
        int k = 0;
        for (String a : answers.get(row)) {
            if (pass.test(a)) {
                k++;
            }
        }
        return k;
    }

    /** Whether at least {@code k} answers of row {@code row} satisfy {@code pass}. */
    public boolean atLeast(int row, int k, Predicate<? super String> pass) {
        return passes(row, pass) >= k;
    }

    /** The share of all answers, over every row, that satisfy {@code pass} (the observed pass rate). */
    public double passRate(Predicate<? super String> pass) {
        long k = 0;
        long n = 0;
        for (int r = 0; r < answers.size(); r++) {
            k += passes(r, pass);
            n += answers.get(r).size();
        }
        return n == 0 ? Double.NaN : (double) k / n;
    }
}
