package dev.assay.core.robustness;

import java.util.List;
import java.util.Objects;

/**
 * Entry point for perturbations of tabular and text data. Each is seeded (through
 * {@link Perturbation#apply(dev.assay.core.Dataset, long)}), composable ({@link Perturbation#then}, {@link #chain})
 * and named as in scenario files ({@link #NAMES}):
 *
 * <pre>{@code
 * Perturbation p = Perturbations.swap("sex");                       // perturb: {swap: {column: sex}}
 * Perturbation q = Perturbations.relative("hours-per-week", 0.10)   // perturb: {relative: {column: .., change: 0.1}}
 *         .then(Perturbations.noise("age", 0.1));                   // perturb: [{relative: ..}, {noise: ..}]
 * Dataset shifted = q.apply(holdout, 7, Constraints.none().integer("age"));
 * Perturbation t = Perturbations.typos("question", Typo.KEYBOARD, Unit.WORD, 0.2)   // perturb: [{typos: ..},
 *         .then(Perturbations.changeCase("question", Case.LOWER));                  //           {case: ..}]
 * }</pre>
 *
 * <p>Tabular (numeric or categorical columns): {@code noise}, {@code relative}, {@code round}, {@code swap},
 * {@code missing}, {@code boundary}, {@code out-of-range}. Text (a categorical column of strings, changed value by
 * value; missing values stay missing; handled by code point, so emoji survive): {@code typos}, {@code case},
 * {@code punctuation}, {@code whitespace}, {@code contractions}, {@code names}, {@code locations}, {@code numbers},
 * {@code accents}, {@code homoglyphs}, {@code zero-width}, {@code leetspeak}, {@code base64}, {@code rot13},
 * {@code hex}, {@code injection}. The names, places, contractions and injection templates come from word lists
 * shipped with Assay and written for it.
 */
public final class Perturbations {
    /** The perturbation names of scenario files. */
    public static final List<String> NAMES = List.of("noise", "relative", "round", "swap", "missing", "boundary",
            "out-of-range", "typos", "case", "punctuation", "whitespace", "contractions", "names", "locations",
            "numbers", "accents", "homoglyphs", "zero-width", "leetspeak", "base64", "rot13", "hex", "injection");

    /** The kind of typing mistake of {@link #typos}. */
    public enum Typo {
        /** Two neighbouring letters of a word trade places. */
        SWAP,
        /** A letter is left out. */
        DROP,
        /** A keyboard neighbour of a letter is typed after it. */
        INSERT,
        /** A letter is replaced by a keyboard neighbour. */
        KEYBOARD
    }

    /** What a typo rate counts: each letter, or each word. */
    public enum Unit {
        /** Each letter gets the mistake with the rate's probability. */
        CHAR,
        /** Each word gets one mistake with the rate's probability. */
        WORD
    }

    /** The case of {@link #changeCase}. */
    public enum Case {
        /** All upper case. */
        UPPER,
        /** All lower case. */
        LOWER,
        /** The first letter of each word in title case, the others lower case. */
        TITLE,
        /** Each letter upper or lower case at random. */
        RANDOM
    }

    /** The encodings of {@link #encode}. */
    public enum Encoding {
        /** Base64 of the UTF-8 bytes. */
        BASE64,
        /** ROT13 of the ASCII letters. */
        ROT13,
        /** Lower-case hexadecimal of the UTF-8 bytes. */
        HEX
    }

    /** Which bound {@link #boundary} and {@link #outOfRange} go to. */
    public enum Side {
        /** The low bound (or below it). */
        LOW,
        /** The high bound (or above it). */
        HIGH,
        /** Either, drawn per row with probability 1/2. */
        EITHER
    }

    private Perturbations() {
    }

    /**
     * Gaussian noise of standard deviation {@code scale} times the column's standard deviation (numeric columns).
     *
     * @throws IllegalArgumentException when {@code scale} is not positive
     */
    public static Perturbation noise(String column, double scale) {
        return new NumericNoise(column, scale);
    }

    /**
     * Every value times {@code 1 + change} (numeric columns): {@code 0.01} is +1%, {@code -0.01} is -1%.
     *
     * @throws IllegalArgumentException when {@code change} is zero or not finite
     */
    public static Perturbation relative(String column, double change) {
        return new RelativeChange(column, change);
    }

    /**
     * Every value rounded to the nearest multiple of {@code step} (numeric columns).
     *
     * @throws IllegalArgumentException when {@code step} is not positive
     */
    public static Perturbation round(String column, double step) {
        return new Rounding(column, step);
    }

    /** Every row gets another value of the categorical column (the other one when there are two). */
    public static Perturbation swap(String column) {
        return new CategoricalSwap(column);
    }

    /** Every value of the column becomes missing. */
    public static Perturbation missing(String column) {
        return new SetMissing(column, 1);
    }

    /**
     * Each value of the column becomes missing with probability {@code fraction}.
     *
     * @throws IllegalArgumentException when {@code fraction} is not in {@code (0, 1]}
     */
    public static Perturbation missing(String column, double fraction) {
        return new SetMissing(column, fraction);
    }

    /**
     * Every value of a numeric column set to one of its bounds: the column's range constraint when it has a finite
     * one, otherwise the smallest and largest value observed in the column.
     */
    public static Perturbation boundary(String column, Side side) {
        return new BoundaryValues(column, side, Double.NaN, Double.NaN);
    }

    /**
     * Every value of a numeric column set to {@code min} or {@code max}.
     *
     * @throws IllegalArgumentException when {@code min > max} or either is not finite
     */
    public static Perturbation boundary(String column, Side side, double min, double max) {
        return new BoundaryValues(column, side, min, max);
    }

    /**
     * Every value of a numeric column set beyond its observed smallest or largest value, by {@code factor} times the
     * observed range ({@code 0.5}: half the range below the minimum or above the maximum). Refused (when applied)
     * for a column with a range constraint.
     *
     * @throws IllegalArgumentException when {@code factor} is not positive
     */
    public static Perturbation outOfRange(String column, Side side, double factor) {
        return new OutOfRange(column, side, factor, Double.NaN, Double.NaN);
    }

    /**
     * Every value of a numeric column set beyond {@code [min, max]} by {@code factor} times {@code max - min}.
     *
     * @throws IllegalArgumentException when {@code factor} is not positive, or {@code min >= max}
     */
    public static Perturbation outOfRange(String column, Side side, double factor, double min, double max) {
        return new OutOfRange(column, side, factor, min, max);
    }

    /**
     * Typing mistakes in a text column: each letter ({@link Unit#CHAR}) or each word ({@link Unit#WORD}) gets the
     * mistake with probability {@code rate}.
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code (0, 1]}
     */
    public static Perturbation typos(String column, Typo kind, Unit per, double rate) {
        return new Typos(column, kind, per, rate);
    }

    /** The text of a column in another case. */
    public static Perturbation changeCase(String column, Case mode) {
        return new CaseChange(column, mode);
    }

    /**
     * A punctuation mark ({@code , . ! ? ; :}) after each word of a text column with probability {@code rate}.
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code (0, 1]}
     */
    public static Perturbation addPunctuation(String column, double rate) {
        return new PunctuationChange(column, true, rate);
    }

    /** Every punctuation character of a text column removed. */
    public static Perturbation removePunctuation(String column) {
        return new PunctuationChange(column, false, 1);
    }

    /**
     * An extra space, tab or newline in each gap between words with probability {@code rate} (and a leading and a
     * trailing space, each with probability {@code rate}).
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code (0, 1]}
     */
    public static Perturbation addWhitespace(String column, double rate) {
        return new WhitespaceChange(column, true, rate);
    }

    /**
     * Each gap between words removed with probability {@code rate}, joining the words.
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code (0, 1]}
     */
    public static Perturbation removeWhitespace(String column, double rate) {
        return new WhitespaceChange(column, false, rate);
    }

    /** English contractions in a text column expanded: {@code "don't"} to {@code "do not"}. */
    public static Perturbation expandContractions(String column) {
        return new Contractions(column, true);
    }

    /** English contractions formed in a text column: {@code "do not"} to {@code "don't"}. */
    public static Perturbation contract(String column) {
        return new Contractions(column, false);
    }

    /** Each first name of the shipped list in a text column replaced by another one from it. */
    public static Perturbation replaceNames(String column) {
        return ListReplacement.names(column);
    }

    /** Each city (country) of the shipped lists in a text column replaced by another city (country). */
    public static Perturbation replaceLocations(String column) {
        return ListReplacement.locations(column);
    }

    /**
     * Each number written in a text column times {@code 1 + change}, keeping its format.
     *
     * @throws IllegalArgumentException when {@code change} is zero, not above -1, or not finite
     */
    public static Perturbation replaceNumbers(String column, double change) {
        return new NumberChange(column, change);
    }

    /** Accents (combining marks) removed from a text column: {@code "Zoë"} to {@code "Zoe"}. */
    public static Perturbation removeAccents(String column) {
        return new AccentRemoval(column);
    }

    /**
     * Latin letters of a text column replaced by Cyrillic or Greek look-alikes, each with probability {@code rate}.
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code (0, 1]}
     */
    public static Perturbation homoglyphs(String column, double rate) {
        return new Homoglyphs(column, rate);
    }

    /**
     * A zero-width character between two letters of a text column with probability {@code rate}.
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code (0, 1]}
     */
    public static Perturbation zeroWidth(String column, double rate) {
        return new ZeroWidth(column, rate);
    }

    /**
     * Letters of a text column written as digits ({@code e} as {@code 3}), each with probability {@code rate}.
     *
     * @throws IllegalArgumentException when {@code rate} is not in {@code (0, 1]}
     */
    public static Perturbation leetspeak(String column, double rate) {
        return new Leetspeak(column, rate);
    }

    /** A text column encoded (base64, rot13 or hex), without an instruction. */
    public static Perturbation encode(String column, Encoding encoding) {
        return new Encoded(column, encoding, null);
    }

    /**
     * A text column encoded, with {@code instruction} in front: {@code encode("q", BASE64, "Decode and answer:")}.
     */
    public static Perturbation encode(String column, Encoding encoding, String instruction) {
        return new Encoded(column, encoding, instruction);
    }

    /** Each value of a text column wrapped in one of the shipped prompt-injection templates, drawn per row. */
    public static Perturbation injection(String column) {
        return new InjectionWrapper(column, null);
    }

    /**
     * Each value of a text column put into {@code template}'s {@code {text}} slot.
     *
     * @throws IllegalArgumentException when the template has no {@code {text}} slot
     */
    public static Perturbation injection(String column, String template) {
        return new InjectionWrapper(column, java.util.Objects.requireNonNull(template, "template"));
    }

    /**
     * The perturbations one after the other.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static Perturbation chain(List<Perturbation> perturbations) {
        Objects.requireNonNull(perturbations, "perturbations");
        if (perturbations.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one perturbation");
        }
        return perturbations.size() == 1 ? perturbations.get(0) : new Perturbation.Composite(perturbations);
    }
}
