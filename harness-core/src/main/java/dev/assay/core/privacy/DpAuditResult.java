package dev.assay.core.privacy;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.privacy.internal.Fmt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a {@link DpAudit}: a lower bound on the mechanism's ε that holds with the stated confidence, the
 * output event and the pair of inputs that gave it, and their counts on the confirmation samples.
 */
public final class DpAuditResult {
    private final String name;
    private final double claimedEpsilon;
    private final double claimedDelta;
    private final double confidence;
    private final double lowerBound;
    private final double estimate;
    private final String event;
    private final String first;
    private final String second;
    private final long count1;
    private final long count2;
    private final long samples;
    private final long selectionSamples;
    private final int pairs;
    private final int candidates;
    private final long seed;
    private final Interval firstInterval;
    private final Interval secondInterval;

    DpAuditResult(String name, double claimedEpsilon, double claimedDelta, double confidence, double lowerBound,
                  double estimate, String event, String first, String second, long count1, long count2,
                  long samples, long selectionSamples, int pairs, int candidates, long seed, double[] p1,
                  double[] p2) {
        this.firstInterval = new Interval(p1[0], p1[1]);
        this.secondInterval = new Interval(p2[0], p2[1]);
        this.name = name;
        this.claimedEpsilon = claimedEpsilon;
        this.claimedDelta = claimedDelta;
        this.confidence = confidence;
        this.lowerBound = lowerBound;
        this.estimate = estimate;
        this.event = event;
        this.first = first;
        this.second = second;
        this.count1 = count1;
        this.count2 = count2;
        this.samples = samples;
        this.selectionSamples = selectionSamples;
        this.pairs = pairs;
        this.candidates = candidates;
        this.seed = seed;
    }

    /** A lower bound on the true ε that holds with probability {@link #confidence()}. */
    public double epsilonLowerBound() {
        return lowerBound;
    }

    /** The point estimate ln((p1 − δ)/p2) on the confirmation samples; reported, never judged. */
    public double epsilonEstimate() {
        return estimate;
    }

    public double claimedEpsilon() {
        return claimedEpsilon;
    }

    public double claimedDelta() {
        return claimedDelta;
    }

    public double confidence() {
        return confidence;
    }

    /** False exactly when {@link #epsilonLowerBound()} exceeds the claimed ε. */
    public boolean passed() {
        return !(lowerBound > claimedEpsilon);
    }

    /** The selected output event, e.g. {@code output <= 0.53}. */
    public String event() {
        return event;
    }

    /** The input under which the event is more likely. */
    public String firstInput() {
        return first;
    }

    /** The input under which the event is less likely. */
    public String secondInput() {
        return second;
    }

    /** How often the event occurred among the confirmation samples of {@link #firstInput()}. */
    public long firstCount() {
        return count1;
    }

    /** How often the event occurred among the confirmation samples of {@link #secondInput()}. */
    public long secondCount() {
        return count2;
    }

    /** Confirmation samples per input. */
    public long samples() {
        return samples;
    }

    public long seed() {
        return seed;
    }

    /** The event's probability under {@link #firstInput()} on the confirmation samples: count / samples. */
    public double firstProbability() {
        return (double) count1 / samples;
    }

    /** The event's probability under {@link #secondInput()} on the confirmation samples: count / samples. */
    public double secondProbability() {
        return (double) count2 / samples;
    }

    /**
     * The Clopper-Pearson interval of {@link #firstProbability()}: each bound one-sided at (1 - confidence) / 2, so
     * that its lower bound is the one the ε bound uses.
     */
    public Interval firstInterval() {
        return firstInterval;
    }

    /** The Clopper-Pearson interval of {@link #secondProbability()}; its upper bound is the one the ε bound uses. */
    public Interval secondInterval() {
        return secondInterval;
    }

    /** One line: the verdict, the bound, the event and its counts. */
    public String describe() {
        String bound = "epsilon lower bound " + Fmt.num(lowerBound) + " (" + Math.round(confidence * 100)
                + "% confidence; point estimate " + Fmt.num(estimate) + ")";
        String evidence = "event [" + event + "] occurred " + count1 + " of " + samples + " times on input " + first
                + " and " + count2 + " of " + samples + " times on input " + second
                + (count2 == 0 && count1 > 0 ? " (impossible under the second input in these samples)" : "");
        String claim = "epsilon " + Fmt.num(claimedEpsilon) + (claimedDelta > 0 ? ", delta " + claimedDelta : "");
        if (passed()) {
            return "no violation of the claimed " + claim + " found: " + bound + "; strongest " + evidence;
        }
        return "Expecting the mechanism to be " + claim + "-DP but " + bound + " exceeds the claim: " + evidence;
    }

    /**
     * The evidence record: kind {@code dp-audit}, metric {@code epsilon_lower_bound}, threshold the claim, and one
     * group row (the event and the two inputs) whose metrics hold the counts, the event's probabilities
     * {@code first_probability} and {@code second_probability} with their Clopper-Pearson intervals (in {@code ci}),
     * {@code claimed_delta} and the {@code confidence} of the bound, from which a report can draw both probabilities
     * against the claim's bound {@code p1 <= e^epsilon * p2 + delta}.
     */
    public CheckResult toCheckResult() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("epsilon_lower_bound", lowerBound);
        metrics.put("epsilon_estimate", estimate);
        metrics.put("first_count", (double) count1);
        metrics.put("second_count", (double) count2);
        metrics.put("selection_samples", (double) selectionSamples);
        metrics.put("neighbour_pairs", (double) pairs);
        metrics.put("candidate_events", (double) candidates);
        metrics.put("first_probability", firstProbability());
        metrics.put("second_probability", secondProbability());
        metrics.put("claimed_delta", claimedDelta);
        metrics.put("confidence", confidence);
        Map<String, Interval> ci = new LinkedHashMap<>();
        ci.put("first_probability", firstInterval);
        ci.put("second_probability", secondInterval);
        Map<String, String> group = new LinkedHashMap<>();
        group.put("event", event);
        group.put("first", first);
        group.put("second", second);
        return CheckResult.builder("dp-audit", name).metric("epsilon_lower_bound").value(lowerBound)
                .threshold(Threshold.atMost(claimedEpsilon)).verdict(passed() ? Verdict.PASS : Verdict.FAIL)
                .message(describe()).n(samples).seed(seed).group(new GroupResult(group, samples, metrics, ci, null)).build();
    }

    @Override
    public String toString() {
        return "DpAuditResult[" + describe() + "]";
    }
}
