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
 *   <li>{@link #pld()}: the privacy-loss distribution: exact (analytic) for plain Gaussian mechanisms, numeric for
 *       the Poisson-subsampled Gaussian, pure and approximate DP as Google's dp_accounting does it (a connect-the-dots
 *       discretisation on a grid of {@link #pld(double) value discretisation interval} 1e-4, composition by FFT,
 *       the larger ε of the add and remove directions). It is the tightest of these for DP-SGD.</li>
 * </ul>
 * Opacus' PRV accountant (Gopi et al. 2021) computes the same quantity as {@link #pld()} with a different
 * discretisation whose parameters the reference does not give, so it is not offered: {@code parse("prv")} says so.
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

    /**
     * The privacy-loss-distribution accountant: the analytic formula when every spend is an unsampled Gaussian, else
     * the numeric PLD on a 1e-4 grid (dp_accounting's {@code PLDAccountant} default). zCDP spends are refused.
     */
    static Accountant pld() {
        return Accountants.PLD;
    }

    /**
     * The numeric privacy-loss-distribution accountant on a grid of {@code valueDiscretizationInterval} (in (0, 0.1]):
     * a coarser grid is faster and looser, every grid gives an upper bound on ε.
     */
    static Accountant pld(double valueDiscretizationInterval) {
        return Accountants.pld(valueDiscretizationInterval);
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
            case "prv":
                throw new IllegalArgumentException("the prv accountant (Opacus) is not available: its discretisation"
                        + " is not specified in the reference; use pld, which computes the same privacy-loss"
                        + " distribution and agrees with Opacus' PRV values to within their eps-error 0.01");
            default:
                throw new IllegalArgumentException("unknown accountant '" + id
                        + "'; expected one of basic, advanced, rdp, zcdp, pld");
        }
    }
}
