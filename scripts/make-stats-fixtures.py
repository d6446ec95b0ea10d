#!/usr/bin/env python3
"""Writes tests/fixtures/insights-stats.json: Spearman correlations (average ranks for ties) and
Benjamini-Hochberg adjusted p-values computed by SciPy, an implementation independent of ours.
The fixtures are committed; run this only to regenerate them (needs python3 with scipy >= 1.11):

    python3 scripts/make-stats-fixtures.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261124)
spearman_cases = []
shapes = [
    ("scores with many ties", lambda n: rng.integers(0, 11, n), lambda n: rng.integers(0, 11, n)),
    ("yes/no against scores", lambda n: rng.integers(0, 2, n), lambda n: rng.integers(0, 11, n)),
    ("half hours against scores", lambda n: rng.integers(6, 19, n) / 2, lambda n: rng.integers(0, 11, n)),
    ("continuous, no ties", lambda n: rng.normal(size=n), lambda n: rng.normal(size=n)),
    ("servings with zeros", lambda n: rng.choice([0, 0, 0, 0.5, 1, 1, 2, 3], n), lambda n: rng.integers(1, 8, n)),
]
for name, make_x, make_y in shapes:
    for n in (5, 30, 365):
        x = make_x(n).astype(float)
        y = make_y(n).astype(float)
        if name != "continuous, no ties":
            # A real dependence in some cases, so the correlations are not all near zero.
            y = np.round(np.clip(y + (rng.random() < 0.5) * 3 * (x - x.mean()) / (x.std() or 1), 0, 10))
        rho = stats.spearmanr(x, y).statistic
        spearman_cases.append({"name": f"{name}, n={n}", "x": x.tolist(), "y": y.tolist(), "rho": float(rho)})

bh_cases = []
for m in (1, 7, 50, 1000):
    p = rng.random(m) ** 3  # skewed towards small values, with exact ties added below
    if m >= 7:
        p[1] = p[2]
        p[3] = 1.0
    bh_cases.append({"p": p.tolist(), "q": stats.false_discovery_control(p, method="bh").tolist()})

out = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "insights-stats.json"
out.write_text(json.dumps({"generatedBy": f"scipy {scipy.__version__}", "spearman": spearman_cases, "benjaminiHochberg": bh_cases}) + "\n")
print(f"wrote {out}")
