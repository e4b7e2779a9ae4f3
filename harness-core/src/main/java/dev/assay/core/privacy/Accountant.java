package dev.assay.core.privacy;

import dev.assay.core.privacy.internal.Accountants;
import java.util.List;
import java.util.Locale;

/**
 * Composes the spends of a {@link PrivacyLedger} into one (ε, δ) guarantee. Choose one of:
 * <ul>
 *   <li>{@link #basic()}: (Σε_i, Σδ_i);</li>
 *   <li>{@link #advanced()}: Dwork–Rothblum–Vadhan, ε' = √(2 ln(1/δ')·Σε_i²) + Σε_i(e^{ε_i} − 1) at total
 *       δ = Σδ_i + δ';</li>
 *   <li>{@link #rdp()}: Rényi DP over dp_accounting's default orders with the improved conversion (Balle et al.
 *       2020); Gaussian, Poisson-subsampled Gaussian, Laplace, pure-DP and zCDP spends;</li>
 *   <li>{@link #zcdp()}: zero-concentrated DP (ρ adds up), converted with the improved bound;</li>
 *   <li>{@link #pld()}: the exact privacy-loss distribution of (unsampled) Gaussian mechanisms.</li>
 * </ul>
 * An accountant that cannot account for a spend throws {@link IllegalArgumentException} naming it.
 */
public interface Accountant {
    /** The id used in scenario files: {@code basic}, {@code advanced}, {@code rdp}, {@code zcdp}, {@code pld}, {@code best}. */
    String id();

    /** The smallest ε this accountant proves for {@code spends} at total {@code delta} (+∞ if none). */
    PrivacyLoss epsilon(List<PrivacySpend> spends, double delta);

    /** The δ this accountant proves for {@code spends} at {@code epsilon} (1 if none). */
    double delta(List<PrivacySpend> spends, double epsilon);

    static Accountant basic() {
        return Accountants.BASIC;
    }

    static Accountant advanced() {
        return Accountants.ADVANCED;
    }

    /** RDP over dp_accounting's {@code DEFAULT_RDP_ORDERS}, fractional orders summed as dp_accounting does. */
    static Accountant rdp() {
        return Accountants.rdp(dev.assay.core.privacy.internal.Rdp.dpAccountingOrders(), false);
    }

    /** RDP over the given orders (each at least 1). */
    static Accountant rdp(double... orders) {
        return Accountants.rdp(orders.clone(), false);
    }

    static Accountant zcdp() {
        return Accountants.ZCDP;
    }

    /**
     * The smallest ε among the accountants above that can account for every spend (each is a valid bound, so their
     * minimum is too); the {@link PrivacyLoss} names the accountant that gave it.
     */
    static Accountant best() {
        return Accountants.BEST;
    }

    static Accountant pld() {
        return Accountants.PLD;
    }

    /** The accountant for a scenario id ({@code basic | advanced | rdp | zcdp | pld}, also {@code gaussian-pld}). */
    static Accountant parse(String id) {
        switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "basic":
                return basic();
            case "advanced":
                return advanced();
            case "rdp":
                return rdp();
            case "zcdp":
                return zcdp();
            case "best":
                return best();
            case "pld":
            case "gaussian-pld":
                return pld();
            default:
                throw new IllegalArgumentException("unknown accountant '" + id
                        + "'; expected one of basic, advanced, rdp, zcdp, pld");
        }
    }
}
