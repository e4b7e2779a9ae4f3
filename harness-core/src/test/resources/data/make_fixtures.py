#!/usr/bin/python3
"""Reference values for the drift statistics, computed with NumPy/SciPy (Debian's system Python).

Run from this directory:  /usr/bin/python3 make_fixtures.py  (writes drift_fixtures.json)
KS: scipy.stats.ks_2samp (two-sided; method 'exact' for the small cases, 'asymp' for the mid-size one);
for the case above 20000 values, p = scipy.special.kolmogorov(sqrt(n*m/(n+m)) * D) (limiting distribution).
Wasserstein: scipy.stats.wasserstein_distance. Jensen-Shannon: scipy.spatial.distance.jensenshannon(base=2).
Chi-square: scipy.stats.chi2_contingency(correction=False) on the 2 x k table.
PSI: an independent NumPy implementation of the documented binning (deciles of the reference with
np.quantile, open outer bins, an extra edge above the reference's maximum when the top decile equals it, left-closed bins via np.searchsorted, 1e-4 for empty bins).
"""
import json
import numpy as np
import scipy
import scipy.special
from scipy import stats
from scipy.spatial.distance import jensenshannon


def psi(ref, cur):
    edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
    if edges[-1] >= np.max(ref):  # values above the reference's maximum get a bin of their own
        edges = np.append(edges, np.nextafter(np.max(ref), np.inf))
    def props(x):
        idx = np.searchsorted(edges, x, side='right')  # bin k holds [e_k, e_k+1)
        c = np.bincount(idx, minlength=len(edges) + 1)
        return c / c.sum()
    r = np.maximum(props(ref), 1e-4)
    c = np.maximum(props(cur), 1e-4)
    return float(np.sum((c - r) * np.log(c / r)))


rng = np.random.default_rng(20261126)
numeric = []
cases = [
    ("normal-shifted-small", np.round(rng.normal(0, 1, 20), 6), np.round(rng.normal(0.8, 1, 25), 6), 'exact'),
    ("same-small", np.round(rng.normal(5, 2, 30), 6), np.round(rng.normal(5, 2, 40), 6), 'exact'),
    ("scale-large", np.round(rng.normal(0, 1, 2000), 4), np.round(rng.normal(0, 1.1, 3000), 4), 'asymp'),
    ("exponential-vs-uniform", np.round(rng.exponential(1.0, 60), 6), np.round(rng.uniform(0, 3, 50), 6), 'exact'),
]
for name, a, b, method in cases:
    ks = stats.ks_2samp(a, b, alternative='two-sided', method=method)
    numeric.append({
        "name": name, "reference": a.tolist(), "current": b.tolist(), "ks_method": method,
        "ks_statistic": float(ks.statistic), "ks_p_value": float(ks.pvalue),
        "wasserstein": float(stats.wasserstein_distance(a, b)),
        "psi": psi(a, b),
    })

# large samples (more than 20000 values in all): p from the limiting Kolmogorov distribution
a = np.round(rng.normal(0, 1, 12000), 3)
b = np.round(rng.normal(0.02, 1, 9000), 3)
ks = stats.ks_2samp(a, b)
en = len(a) * len(b) / (len(a) + len(b))
numeric.append({"name": "large-limit", "reference": a.tolist(), "current": b.tolist(), "ks_method": "limit",
                "ks_statistic": float(ks.statistic),
                "ks_p_value": float(scipy.special.kolmogorov(np.sqrt(en) * ks.statistic)),
                "ks_p_value_scipy_auto": float(ks.pvalue),
                "wasserstein": float(stats.wasserstein_distance(a, b)), "psi": psi(a, b)})

# ties (integer values): statistic and distance only
a = rng.integers(0, 10, 200).astype(float)
b = rng.integers(2, 12, 150).astype(float)
numeric.append({"name": "integer-ties", "reference": a.tolist(), "current": b.tolist(), "ks_method": "none",
                "ks_statistic": float(stats.ks_2samp(a, b).statistic),
                "wasserstein": float(stats.wasserstein_distance(a, b)), "psi": psi(a, b)})

categorical = []
for name, ref, cur in [
    ("three-categories", [120, 60, 20], [90, 70, 40]),
    ("same-proportions", [50, 30, 20], [100, 60, 40]),
    ("five-categories", [300, 250, 200, 150, 100], [280, 240, 260, 120, 100]),
]:
    ref = np.array(ref); cur = np.array(cur)
    chi2, p, dof, _ = stats.chi2_contingency(np.vstack([ref, cur]), correction=False)
    categorical.append({
        "name": name, "reference": ref.tolist(), "current": cur.tolist(),
        "chi2": float(chi2), "chi2_p_value": float(p), "dof": int(dof),
        "jensen_shannon": float(jensenshannon(ref / ref.sum(), cur / cur.sum(), base=2)),
    })

with open("drift_fixtures.json", "w") as f:
    json.dump({"generator": "make_fixtures.py", "numpy": np.__version__, "scipy": scipy.__version__,
               "numeric": numeric, "categorical": categorical}, f, separators=(",", ":"))
print("wrote drift_fixtures.json")
