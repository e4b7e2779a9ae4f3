package dev.assay.core.privacy;

import dev.assay.core.privacy.internal.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records every use of a differentially private mechanism and composes them with an {@link Accountant} at a fixed
 * δ. The reference mechanisms of {@link Privacy} record their spends here automatically; record others with
 * {@link #record(PrivacySpend)}. Thread-safe.
 *
 * <pre>{@code
 * PrivacyLedger ledger = Privacy.ledger(Accountant.rdp(), 1e-5);
 * ledger.record(PrivacySpend.subsampledGaussian("dp-sgd", 0.01, 1.1, 1000));
 * ledger.totalEpsilon();   // 1.7118, best order reported by total()
 * }</pre>
 */
public final class PrivacyLedger {
    private final Accountant accountant;
    private final double delta;
    private final List<PrivacySpend> spends = new ArrayList<>();

    PrivacyLedger(Accountant accountant, double delta) {
        this.accountant = Objects.requireNonNull(accountant, "accountant");
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1), was " + delta);
        }
        this.delta = delta;
    }

    public Accountant accountant() {
        return accountant;
    }

    /** The δ at which {@link #totalEpsilon()} is computed. */
    public double delta() {
        return delta;
    }

    /** Adds a spend; returns this ledger. */
    public synchronized PrivacyLedger record(PrivacySpend spend) {
        spends.add(Objects.requireNonNull(spend, "spend"));
        return this;
    }

    /** The spends so far, in order. */
    public synchronized List<PrivacySpend> spends() {
        return List.copyOf(spends);
    }

    /** The composed guarantee of all spends at {@link #delta()} (ε = 0 for an empty ledger). */
    public PrivacyLoss total() {
        List<PrivacySpend> s = spends();
        if (s.isEmpty()) {
            return new PrivacyLoss(0, delta, Double.NaN, accountant.id());
        }
        return accountant.epsilon(s, delta);
    }

    /** The composed ε of all spends at {@link #delta()}. */
    public double totalEpsilon() {
        return total().epsilon();
    }

    /** Whether the composed guarantee stays within (maxEpsilon, {@link #delta()}). */
    public boolean within(double maxEpsilon) {
        return totalEpsilon() <= maxEpsilon;
    }

    /** Forgets every spend. */
    public synchronized void clear() {
        spends.clear();
    }

    /**
     * A readable account, one spend per line:
     * <pre>
     * privacy ledger: epsilon 1.5 at delta 0 (basic composition of 2 spends)
     *   1. laplace [laplace] (epsilon=0.5)
     *   2. count [laplace] (epsilon=1)
     * </pre>
     */
    public String describe() {
        List<PrivacySpend> s = spends();
        StringBuilder sb = new StringBuilder("privacy ledger: ");
        if (s.isEmpty()) {
            sb.append("no spends (accountant ").append(accountant.id()).append(", delta ").append(delta).append(')');
            return sb.toString();
        }
        String total;
        try {
            PrivacyLoss loss = total();
            total = "epsilon " + Fmt.num(loss.epsilon()) + " at delta " + delta + " (" + loss.accountant()
                    + " composition of " + s.size() + " spend" + (s.size() == 1 ? "" : "s")
                    + (loss.hasOrder() ? ", best order " + Fmt.num(loss.order()) : "") + ")";
        } catch (IllegalArgumentException e) {
            total = "not computable: " + e.getMessage();
        }
        sb.append(total);
        for (int i = 0; i < s.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(s.get(i).describe());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
