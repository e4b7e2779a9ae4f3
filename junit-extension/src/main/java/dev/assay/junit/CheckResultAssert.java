package dev.assay.junit;

import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Verdict;
import dev.assay.junit.internal.CheckMessages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link CheckResult}; get one with {@link AssayAssertions#assertThat(CheckResult)}.
 *
 * <pre>{@code
 * assertThat(result).passes();
 * assertThat(result).as("release gate").hasValueAtLeast(0.8).hasIntervalWithin(0.7, 1.0);
 * assertThat(result).group("sex=Female").hasMetricAtLeast("accuracy", 0.75);
 * }</pre>
 *
 * <p>A check that ended in {@link Verdict#ERROR error} could not be judged: {@link #passes()}, {@link #fails()},
 * {@link #hasVerdict(Verdict)} (unless expecting {@code ERROR}) and the value assertions then throw an
 * {@link AssayException} carrying the check's message, not an {@link AssertionError}, so JUnit reports the test as
 * errored rather than failed. Failure messages name the metric, value, interval, threshold, decision rule and the
 * worst groups, and respect {@code as(...)} and {@code overridingErrorMessage(...)}.
 *
 * @since 0.1
 */
public class CheckResultAssert extends AbstractAssert<CheckResultAssert, CheckResult> {

    /** Prefer {@link AssayAssertions#assertThat(CheckResult)}. */
    public CheckResultAssert(CheckResult actual) {
        super(actual, CheckResultAssert.class);
    }

    /** Verifies that the check passed. */
    public CheckResultAssert passes() {
        judged();
        if (actual.verdict() != Verdict.PASS) {
            throwAssertionError(CheckMessages.shouldPass(actual));
        }
        return myself;
    }

    /** Verifies that the check failed (its threshold was not met); an {@code error} is not a failure. */
    public CheckResultAssert fails() {
        judged();
        if (actual.verdict() != Verdict.FAIL) {
            throwAssertionError(CheckMessages.shouldFail(actual));
        }
        return myself;
    }

    /**
     * Verifies the verdict. Expecting {@link Verdict#ERROR} is how a test asserts that bad input is rejected; any
     * other expectation throws {@link AssayException} when the check errored.
     */
    public CheckResultAssert hasVerdict(Verdict expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (expected != Verdict.ERROR) {
            judged();
        }
        if (actual.verdict() != expected) {
            throwAssertionError(CheckMessages.shouldHaveVerdict(actual, expected));
        }
        return myself;
    }

    /** Verifies that the check measured {@code metric} ({@code accuracy}, {@code demographic_parity_ratio}, ...). */
    public CheckResultAssert hasMetric(String metric) {
        isNotNull();
        if (!Objects.equals(actual.metric(), metric)) {
            throwAssertionError(CheckMessages.shouldHaveMetric(actual, metric));
        }
        return myself;
    }

    /** Verifies that the check's value is at least {@code min}. */
    public CheckResultAssert hasValueAtLeast(double min) {
        double v = value();
        if (!(v >= min)) {
            throwAssertionError(CheckMessages.shouldHaveValueAtLeast(actual, min));
        }
        return myself;
    }

    /** Verifies that the check's value is at most {@code max}. */
    public CheckResultAssert hasValueAtMost(double max) {
        double v = value();
        if (!(v <= max)) {
            throwAssertionError(CheckMessages.shouldHaveValueAtMost(actual, max));
        }
        return myself;
    }

    /** Verifies that the check's confidence interval lies within {@code [lower, upper]} (bounds included). */
    public CheckResultAssert hasIntervalWithin(double lower, double upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        judged();
        Interval ci = actual.ci();
        if (ci == null) {
            throwAssertionError(CheckMessages.shouldHaveInterval(actual));
        } else if (ci.lower() < lower || ci.upper() > upper) {
            throwAssertionError(CheckMessages.shouldHaveIntervalWithin(actual, lower, upper));
        }
        return myself;
    }

    /** Verifies that the check's message contains {@code text}. Works on {@code error} results too. */
    public CheckResultAssert hasMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        isNotNull();
        if (actual.message() == null || !actual.message().contains(text)) {
            throwAssertionError(CheckMessages.shouldHaveMessageContaining(actual, text));
        }
        return myself;
    }

    /** Verifies that the check has no findings (a {@code pii-leak} check: nothing was found in any output). */
    public CheckResultAssert hasNoFindings() {
        return hasNoFindingsOf();
    }

    /**
     * Verifies that the check has no findings of the given entities ({@code CREDIT_CARD}, {@code EMAIL_ADDRESS},
     * ...); with none given, no findings at all. The message lists each finding's row, span and masked value. An
     * {@code error} result throws an {@link AssayException}: its outputs were not all scanned.
     */
    public CheckResultAssert hasNoFindingsOf(String... entities) {
        judged();
        java.util.Set<String> wanted = java.util.Set.of(entities);
        java.util.List<String> found = actual.findings().stream()
                .filter(f -> wanted.isEmpty() || wanted.contains(f.entity()))
                .map(f -> "row " + f.row() + ": " + f.entity()
                        + (f.start() != null ? " at [" + f.start() + ", " + f.end() + ")" : "")
                        + (f.masked() != null ? " " + f.masked() : "")
                        + (f.score() != null ? " (score " + CheckMessages.number(f.score()) + ")" : ""))
                .toList();
        if (!found.isEmpty()) {
            throwAssertionError(dev.assay.junit.internal.ReportMessages.shouldHaveNoFindings("check <"
                    + actual.name() + ">", java.util.List.of(entities), found, found.size()));
        }
        return myself;
    }

    /**
     * Verifies that the check had no failing cases ({@code expect}, {@code invariance}, {@code consistency}, ...).
     * The message lists the first failing cases (masked) and the total. An {@code error} result throws an
     * {@link AssayException}.
     */
    public CheckResultAssert hasNoFailingCases() {
        return hasFailingCases(0);
    }

    /** Verifies that the check had exactly {@code expected} failing cases in all (shown or not). */
    public CheckResultAssert hasFailingCases(long expected) {
        judged();
        long total = actual.examplesTotal() == null ? 0 : actual.examplesTotal();
        if (total != expected) {
            java.util.List<String> lines = actual.examples().stream().map(e -> (e.row() != null ? "case " + e.row()
                    + ": " : "") + (e.family() != null ? "(" + e.family() + ") " : "") + (e.expected() != null
                    ? "expected " + e.expected() + ", " : "") + (e.answer() != null ? "answer " + e.answer() + ", "
                    : "") + e.reason()).toList();
            failWithMessage("%nExpecting check <%s> to"
                    + " have %s failing cases but had %s%s", actual.name(), expected, total, lines.isEmpty() ? ""
                    : ":\n  " + String.join("\n  ", lines) + (lines.size() < total ? "\n  ... and "
                    + (total - lines.size()) + " more" : ""));
        }
        return myself;
    }

    /**
     * Verifies that the check has a row for a group, given as {@code "column=value"} strings (several for an
     * intersection: {@code hasGroup("sex=Female", "race=Black")}, or {@code hasGroup("sex=Female, race=Black")}).
     */
    public CheckResultAssert hasGroup(String... cells) {
        findGroup(parse(cells));
        return myself;
    }

    /** Verifies that the check has a row for {@code group} (column to value; use this when values hold commas). */
    public CheckResultAssert hasGroup(Map<String, String> group) {
        findGroup(group);
        return myself;
    }

    /** Assertions on one group's row, given as {@code "column=value"} strings (see {@link #hasGroup(String...)}). */
    @CheckReturnValue
    public GroupResultAssert group(String... cells) {
        return group(parse(cells));
    }

    /** Assertions on one group's row. */
    @CheckReturnValue
    public GroupResultAssert group(Map<String, String> group) {
        GroupResult g = findGroup(group);
        GroupResultAssert a = new GroupResultAssert(g);
        String description = descriptionText();
        a.as("%s", (description == null || description.isEmpty() ? "" : description + ", ")
                + "check <" + actual.name() + ">");
        return a;
    }

    private GroupResult findGroup(Map<String, String> group) {
        isNotNull();
        Optional<GroupResult> g = actual.groups().stream().filter(r -> r.group().equals(group)).findFirst();
        if (g.isEmpty()) {
            throwAssertionError(CheckMessages.shouldHaveGroup(actual, group));
        }
        return g.get();
    }

    private double value() {
        judged();
        if (actual.value() == null) {
            throwAssertionError(CheckMessages.shouldHaveValue(actual));
        }
        return actual.value();
    }

    /** An {@code error} result is neither a pass nor a failure: it aborts the assertion with an AssayException. */
    private void judged() {
        isNotNull();
        if (actual.verdict() == Verdict.ERROR) {
            throw new AssayException(CheckMessages.errored(info.description(), actual));
        }
    }

    static Map<String, String> parse(String... cells) {
        Map<String, String> group = new LinkedHashMap<>();
        for (String arg : cells) {
            for (String cell : arg.split(",")) {
                int eq = cell.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("a group is given as \"column=value\" (several separated by"
                            + " commas), not \"" + arg + "\"");
                }
                group.put(cell.substring(0, eq).strip(), cell.substring(eq + 1).strip());
            }
        }
        if (group.isEmpty()) {
            throw new IllegalArgumentException("no group given; write \"column=value\"");
        }
        return group;
    }
}
