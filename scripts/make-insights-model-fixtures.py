#!/usr/bin/python3
"""Writes tests/fixtures/insights-models.json: the pieces of the insights test computed by
statsmodels and SciPy, implementations independent of ours (docs/insights-method.md):

- autocorrelation with missing days: statsmodels acf(adjusted=True, missing="conservative");
- the effective number of pairs: the tapered Bartlett sum over those statsmodels autocorrelations;
- partial correlations: Pearson of the residuals of statsmodels OLS fits on the third variable;
- regression slopes, standard errors and 95 % intervals: statsmodels OLS (conf_int when nEff = n),
  widened by sqrt(n / nEff) with scipy's t quantile on nEff - 2 degrees of freedom otherwise;
- t quantiles (scipy.stats.t.ppf) and eigenvalues (numpy.linalg.eigvalsh) for the effective number of lags.

The fixtures are committed; run this only to regenerate them (Debian: apt-get install python3-statsmodels):

    /usr/bin/python3 scripts/make-insights-model-fixtures.py
"""
import json
import math
import pathlib

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from statsmodels.tsa.stattools import acf

rng = np.random.default_rng(20261207)


def ar_series(n, phi, missing):
    x = np.zeros(n)
    for t in range(1, n):
        x[t] = phi * x[t - 1] + rng.normal()
    x = np.round(x * 2) / 2  # journal-like ties
    x[rng.random(n) < missing] = np.nan
    return x


def effective_pairs(n, acf_x, acf_y):
    span = max(2.0, min(30.0, 2 * math.sqrt(n)))
    total = 0.0
    for k in range(1, min(len(acf_x) - 1, len(acf_y) - 1, int(math.floor(span))) + 1):
        total += (1 + math.cos(math.pi * k / span)) / 2 * acf_x[k] * acf_y[k]
    return max(3.0, min(n, n / max(1 + 2 * total, 1e-9)))


autocorrelations = []
for n, phi_x, phi_y, missing in [(60, 0.0, 0.5, 0.1), (120, 0.6, 0.7, 0.25), (365, 0.8, 0.3, 0.4), (365, -0.3, 0.5, 0.0)]:
    x = ar_series(n, phi_x, missing)
    y = ar_series(n, phi_y, missing)
    ax = acf(x, nlags=40, adjusted=True, missing="conservative", fft=False)
    ay = acf(y, nlags=40, adjusted=True, missing="conservative", fft=False)
    pairs = int(np.sum(~np.isnan(x) & ~np.isnan(y)))
    autocorrelations.append({
        "name": f"AR({phi_x}) and AR({phi_y}), n={n}, {int(missing * 100)} % missing",
        "x": [None if np.isnan(v) else float(v) for v in x],
        "y": [None if np.isnan(v) else float(v) for v in y],
        "acfX": ax.tolist(),
        "acfY": ay.tolist(),
        "pairs": pairs,
        "effectivePairs": effective_pairs(pairs, ax, ay),
    })

partials = []
for n, strength in [(30, 0.5), (120, 0.9), (365, 0.2)]:
    z = rng.normal(size=n)
    x = strength * z + rng.normal(size=n)
    y = strength * z + 0.3 * x + rng.normal(size=n)
    z1 = sm.add_constant(z)
    rx = sm.OLS(x, z1).fit().resid
    ry = sm.OLS(y, z1).fit().resid
    partials.append({"x": x.tolist(), "y": y.tolist(), "z": z.tolist(), "partial": float(np.corrcoef(rx, ry)[0, 1])})

regressions = []
for n, slope, n_eff in [(25, 1.5, 25), (90, -0.8, 40.5), (300, 2.0, 120.25)]:
    x = rng.integers(0, 2, n) - 0.4 + rng.normal(scale=0.05, size=n)
    y = slope * x + rng.normal(scale=1.2, size=n)
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    se = float(fit.bse[1])
    if n_eff == n:
        low, high = fit.conf_int(alpha=0.05)[1]
    else:
        margin = stats.t.ppf(0.975, n_eff - 2) * se * math.sqrt(n / n_eff)
        low, high = fit.params[1] - margin, fit.params[1] + margin
    regressions.append({"x": x.tolist(), "y": y.tolist(), "nEff": n_eff, "slope": float(fit.params[1]), "se": se, "ciLow": float(low), "ciHigh": float(high)})

quantiles = [{"p": p, "df": df, "t": float(stats.t.ppf(1 - p / 2, df))} for p, df in [(0.05, 1), (0.05, 3.5), (0.05, 28), (0.01, 100), (1e-6, 40), (0.05, 1000)]]

matrices = []
for size, rho in [(1, 0.0), (4, 0.5), (8, 0.8), (8, -0.3)]:
    m = np.array([[rho ** abs(i - j) if rho >= 0 else (rho if abs(i - j) == 1 else (1.0 if i == j else 0.0)) for j in range(size)] for i in range(size)])
    matrices.append({"matrix": m.tolist(), "eigenvalues": sorted(np.linalg.eigvalsh(m).tolist())})

out = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "insights-models.json"
out.write_text(json.dumps({
    "generatedBy": f"statsmodels {statsmodels.__version__}, scipy {scipy.__version__}, numpy {np.__version__}",
    "autocorrelations": autocorrelations,
    "partials": partials,
    "regressions": regressions,
    "quantiles": quantiles,
    "eigenvalues": matrices,
}) + "\n")
print(f"wrote {out}")
