package dev.assay.scenarios.internal;

import dev.assay.core.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The check kinds a scenario file may use: kind name ({@code performance}, later {@code fairness},
 * {@code pii-leak}, ...) to the parser of its body. A new kind registers one {@link CheckParser} here.
 */
public final class CheckKinds {
    private static final Map<String, CheckParser> KINDS = new ConcurrentSkipListMap<>();

    static {
        register("performance", new PerformanceParser());
        register("fairness", new FairnessParser());
        register("pii-leak", new PiiLeakParser());
        register("privacy-budget", new PrivacyBudgetParser());
        register("dp-audit", new DpAuditParser());
        register("membership-inference", new MembershipInferenceParser());
        register("canary", new CanaryParser());
        register("expect-data", new ExpectParser(false));
        register("expect-output", new ExpectParser(true));
        register("drift", new DriftParser());
        register("compare", new CompareParser());
        register("invariance", new InvarianceParser());
        register("directional", new DirectionalParser());
        register("expect", new ExpectCheckParser());
        register("consistency", new ConsistencyParser());
        register("boundary-search", new BoundarySearchParser());
        register("adversarial", new AdversarialParser());
    }

    private CheckKinds() {
    }

    /** Makes {@code kind} usable in scenario files. */
    public static void register(String kind, CheckParser parser) {
        KINDS.put(kind, parser);
    }

    /** Removes a kind (for tests). */
    public static void unregister(String kind) {
        KINDS.remove(kind);
    }

    public static CheckParser get(String kind) {
        return KINDS.get(kind);
    }

    public static boolean isKnown(String kind) {
        return KINDS.containsKey(kind);
    }

    /** The known kinds, sorted. */
    public static List<String> known() {
        return Collections.unmodifiableList(new ArrayList<>(KINDS.keySet()));
    }

    /** Parses the body of one check kind into a {@link Check}. */
    public interface CheckParser {
        /** The keys the kind's body may have, for "unknown key" errors and suggestions. */
        List<String> keys();

        /**
         * The check called {@code name} from {@code body} (the map under the kind key), or {@code null} after adding
         * problems to {@code body.problems()}.
         */
        Check parse(String name, Fields body, ScenarioContext context);
    }
}
