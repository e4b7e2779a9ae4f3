package dev.assay.junit;

import dev.assay.core.AssayException;
import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.privacy.Accountant;
import dev.assay.core.privacy.Privacy;
import dev.assay.core.privacy.PrivacyLedger;
import dev.assay.core.privacy.PrivacyLoss;
import dev.assay.core.privacy.PrivacySpend;
import dev.assay.junit.internal.CheckMessages;
import dev.assay.junit.internal.ReportMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@link PrivacyBudget @PrivacyBudget}: a ledger per test (annotation on the method) or per class (on the class),
 * judged after the test or after the class. The ledger lives in the store of the annotated context.
 */
final class PrivacyBudgets {
    private PrivacyBudgets() {
    }

    /** A budget, its ledger and whether a test has already failed for exceeding it. */
    static final class Budget {
        final PrivacyBudget annotation;
        final PrivacyLedger ledger;
        final String name;
        boolean exceededReported;

        Budget(PrivacyBudget annotation, String displayName, String where) {
            this.annotation = annotation;
            Accountant accountant;
            try {
                accountant = Accountant.parse(annotation.accountant());
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@PrivacyBudget on " + where + ": `accountant` "
                        + e.getMessage());
            }
            if (!(annotation.epsilon() >= 0) || Double.isInfinite(annotation.epsilon())) {
                throw new ExtensionConfigurationException("@PrivacyBudget on " + where + ": `epsilon` is "
                        + annotation.epsilon() + "; it must be finite and 0 or more");
            }
            if (!(annotation.delta() >= 0 && annotation.delta() < 1)) {
                throw new ExtensionConfigurationException("@PrivacyBudget on " + where + ": `delta` is "
                        + annotation.delta() + "; it must be in [0, 1)");
            }
            this.ledger = Privacy.ledger(accountant, annotation.delta());
            this.name = annotation.name().isBlank() ? "Privacy budget of " + displayName : annotation.name();
        }

        boolean exceeded() {
            try {
                return !ledger.within(annotation.epsilon());
            } catch (RuntimeException e) {
                return false; // not computable: the budget check reports it as an error
            }
        }
    }

    /** Opens the class's budget, if the class is annotated. */
    static void beforeAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        AnnotationSupport.findAnnotation(type, PrivacyBudget.class).ifPresent(a -> context.getStore(
                ModelTestExtension.NAMESPACE).put(Budget.class, new Budget(a, context.getDisplayName(),
                type.getSimpleName())));
    }

    /** Opens the method's budget, if the method is annotated. */
    static void beforeEach(ExtensionContext context) {
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, PrivacyBudget.class))
                .ifPresent(a -> context.getStore(ModelTestExtension.NAMESPACE).put(Budget.class,
                        new Budget(a, context.getDisplayName(), context.getRequiredTestMethod().getName() + "()")));
        classBudget(context).ifPresent(b -> context.getStore(ModelTestExtension.NAMESPACE)
                .put(ExceededBefore.class, new ExceededBefore(b.exceeded())));
    }

    private record ExceededBefore(boolean value) {
    }

    /**
     * After a test: judges a method's budget (recording the check) or tells whether this test's spends exceeded the
     * class's budget. Returns the failure to throw, or {@code null}.
     */
    static AssertionError afterEach(ExtensionContext context) {
        Budget own = context.getStore(ModelTestExtension.NAMESPACE).remove(Budget.class, Budget.class);
        if (own != null) {
            CheckResult r = record(own);
            return r.verdict() == Verdict.FAIL ? new AssertionError(r.message()) : null;
        }
        ExceededBefore before = context.getStore(ModelTestExtension.NAMESPACE).remove(ExceededBefore.class,
                ExceededBefore.class);
        Optional<Budget> shared = classBudget(context);
        if (shared.isPresent() && before != null && !before.value() && shared.get().exceeded()) {
            shared.get().exceededReported = true;
            return new AssertionError(ReportMessages.budgetExceeded(shared.get().ledger,
                    shared.get().annotation.epsilon()));
        }
        return null;
    }

    /** After a class: records the class's budget check; returns the failure to throw, or {@code null}. */
    static AssertionError afterAll(ExtensionContext context) {
        Budget b = context.getStore(ModelTestExtension.NAMESPACE).remove(Budget.class, Budget.class);
        if (b == null) {
            return null;
        }
        CheckResult r = record(b);
        return r.verdict() == Verdict.FAIL && !b.exceededReported ? new AssertionError(r.message()) : null;
    }

    /** The ledger for a {@code PrivacyLedger} parameter: the method's, else the nearest annotated class's. */
    static PrivacyLedger resolve(ExtensionContext context, String where) {
        Budget b = context.getTestMethod().isPresent()
                ? context.getStore(ModelTestExtension.NAMESPACE).get(Budget.class, Budget.class) : null;
        if (b == null) {
            b = classBudget(context).orElseThrow(() -> new ParameterResolutionException("cannot inject the"
                    + " PrivacyLedger " + where + ": annotate the test method or class with @PrivacyBudget(epsilon"
                    + " = ..., delta = ...)"));
        }
        return b.ledger;
    }

    private static Optional<Budget> classBudget(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestMethod().isEmpty() && c.getTestClass().isPresent()) {
                Budget b = c.getStore(ModelTestExtension.NAMESPACE).get(Budget.class, Budget.class);
                if (b != null) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    private static CheckResult record(Budget b) {
        return Checks.evaluate(new BudgetCheck(b), null, null, RunContext.current());
    }

    /** The budget as a check: kind {@code privacy-budget}, metric {@code epsilon}, one group per spend. */
    private static final class BudgetCheck implements Check {
        private final Budget budget;

        BudgetCheck(Budget budget) {
            this.budget = budget;
        }

        @Override
        public String kind() {
            return "privacy-budget";
        }

        @Override
        public String name() {
            return budget.name;
        }

        @Override
        public CheckResult run(Model model, Dataset data, RunContext context) {
            PrivacyLedger ledger = budget.ledger;
            List<PrivacySpend> spends = ledger.spends();
            PrivacyLoss loss;
            try {
                loss = ledger.total();
            } catch (IllegalArgumentException e) {
                throw new AssayException("the privacy spends cannot be composed: " + e.getMessage() + "\n"
                        + ledger.describe(), e);
            }
            double max = budget.annotation.epsilon();
            CheckResult.Builder r = CheckResult.builder(kind(), name()).metric("epsilon")
                    .threshold(Threshold.atMost(max)).n(spends.size()).seed(context.seed());
            if (!Double.isInfinite(loss.epsilon()) && !Double.isNaN(loss.epsilon())) {
                r.value(loss.epsilon());
            }
            for (int i = 0; i < spends.size(); i++) {
                PrivacySpend s = spends.get(i);
                Map<String, String> group = new LinkedHashMap<>();
                group.put("spend", (i + 1) + ". " + s.mechanism());
                group.put("kind", s.kind().id());
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("epsilon", s.epsilon());
                metrics.put("delta", s.delta());
                metrics.put("noise_multiplier", s.noiseMultiplier());
                metrics.put("sampling_rate", s.samplingRate());
                metrics.put("rho", s.rho());
                r.group(new GroupResult(group, s.count(), metrics));
            }
            if (Double.isNaN(loss.epsilon())) {
                throw new AssayException("the composed epsilon is undefined\n" + ledger.describe());
            }
            if (loss.epsilon() <= max) {
                return r.verdict(Verdict.PASS).message(ledger.describe() + "\nwithin the budget of epsilon "
                        + CheckMessages.number(max) + " at delta " + ledger.delta()).build();
            }
            return r.verdict(Verdict.FAIL).message(ReportMessages.budgetExceeded(ledger, max)).build();
        }
    }
}
