package dev.assay.core.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * DP-Sniper's setting (claimed ε = 0.1, reference/privacy.md §4) for BENCHMARKS.md; prints one line per
 * mechanism and asserts nothing. Run with {@code -Dassay.privacy.sniper=true}.
 */
@EnabledIfSystemProperty(named = "assay.privacy.sniper", matches = "true")
class AuditorSniperSettingTest {

    @Test
    void dpSniperSettingAtEpsilonOneTenth() {
        double e = 0.1;
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("RNM1", new Object[] {BenchmarkMechanisms.rnm1(e), 5, true});
        m.put("RNM2", new Object[] {BenchmarkMechanisms.rnm2(e), 5, true});
        m.put("RNM3", new Object[] {BenchmarkMechanisms.rnm3(e), 5, true});
        m.put("RNM4", new Object[] {BenchmarkMechanisms.rnm4(e), 5, true});
        m.put("NoisyHist1", new Object[] {BenchmarkMechanisms.hist1(e), 5, false});
        m.put("NoisyHist2", new Object[] {BenchmarkMechanisms.hist2(e), 5, false});
        m.put("SVT1", new Object[] {BenchmarkMechanisms.svt1(e), 10, true});
        m.put("SVT2", new Object[] {BenchmarkMechanisms.svt2(e), 10, true});
        m.put("SVT3", new Object[] {BenchmarkMechanisms.svt3(e), 10, true});
        m.put("SVT4", new Object[] {BenchmarkMechanisms.svt4(e), 10, true});
        m.put("SVT5", new Object[] {BenchmarkMechanisms.svt5(e), 10, true});
        m.put("SVT6", new Object[] {BenchmarkMechanisms.svt6(e), 10, true});
        m.forEach((name, v) -> {
            @SuppressWarnings("unchecked")
            Mechanism<double[], Object> mech = (Mechanism<double[], Object>) v[0];
            DpAudit<double[], Object> a = DpAudit.of(mech).claims(e).seed(1);
            for (double[][] p : BenchmarkMechanisms.statDpPairs((Integer) v[1], (Boolean) v[2])) {
                a.neighbours(p[0], p[1]);
            }
            long t0 = System.nanoTime();
            AuditorQualityTest.report(name + " (DP-Sniper setting)", e, a.run(), t0);
        });
        long t0 = System.nanoTime();
        AuditorQualityTest.report("LaplaceMechanism (DP-Sniper setting)", e, DpAudit.of(BenchmarkMechanisms
                .laplace(e)).neighbours(0.0, 1.0).claims(e).seed(1).run(), t0);
    }
}
