package dev.assay.reports.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The display family of a check kind, as reports group checks: {@code fairness} is "Fairness",
 * {@code dp-audit} is "Privacy", {@code invariance} is "Safety", and so on. A kind that is not listed gets its own
 * name, capitalised ({@code my-check} is "My check"), so a new kind is never hidden under a wrong family.
 */
public final class CheckFamilies {
    /** Display families. */
    public static final String PERFORMANCE = "Performance";
    public static final String FAIRNESS = "Fairness";
    public static final String PRIVACY = "Privacy";
    public static final String PII = "PII";
    public static final String SAFETY = "Safety";
    public static final String DATA = "Data";

    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("performance", PERFORMANCE),
            Map.entry("compare", PERFORMANCE),
            Map.entry("fairness", FAIRNESS),
            Map.entry("privacy", PRIVACY),
            Map.entry("privacy-budget", PRIVACY),
            Map.entry("dp-audit", PRIVACY),
            Map.entry("membership-inference", PRIVACY),
            Map.entry("canary", PRIVACY),
            Map.entry("memorisation", PRIVACY),
            Map.entry("memorization", PRIVACY),
            Map.entry("pii", PII),
            Map.entry("pii-leak", PII),
            Map.entry("safety", SAFETY),
            Map.entry("invariance", SAFETY),
            Map.entry("directional", SAFETY),
            Map.entry("boundary-search", SAFETY),
            Map.entry("expect", SAFETY),
            Map.entry("consistency", SAFETY),
            Map.entry("adversarial", SAFETY),
            Map.entry("perturbation", SAFETY),
            Map.entry("robustness", SAFETY),
            Map.entry("prompt-injection", SAFETY),
            Map.entry("jailbreak", SAFETY),
            Map.entry("toxicity", SAFETY),
            Map.entry("expect-data", DATA),
            Map.entry("expect-output", DATA),
            Map.entry("expectations", DATA),
            Map.entry("drift", DATA),
            Map.entry("data-quality", DATA));

    private CheckFamilies() {
    }

    /** The display family of {@code kind}; case and surrounding blanks are ignored. */
    public static String of(String kind) {
        String k = Objects.requireNonNull(kind, "kind").strip().toLowerCase(Locale.ROOT);
        String family = FAMILIES.get(k);
        if (family != null) {
            return family;
        }
        String words = k.replace('-', ' ').replace('_', ' ').strip();
        if (words.isEmpty()) {
            return "Other";
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
