#!/usr/bin/env python3
"""Peer benchmark: the contract example's Monte Carlo (contract §2 + §3 NPV + §6 summaries)
written the way a careful analyst would in numpy, fully vectorised over draws and months.

Hard-coded to tests/fixtures/contract_example.ron (one in-house operation, one option, four
distribution inputs). It samples with numpy's own generators (plain random draws, not Latin
hypercube), so its percentiles agree with Shoreline's statistically, not bit for bit.

It computes what `shoreline simulate --json` reports: NPV and total-savings mean, sd and
percentiles, the probability of a loss, a 40-bin NPV histogram and P10/P50/P90 bands of the
cumulative savings for every month, and prints them as JSON.

Usage: python3 benches/peers/numpy_mc.py [samples] [seed]   (defaults 100000, 42)
"""
import json
import math
import sys

import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 42

# ---- The model (contract_example.ron) -------------------------------------------------------
H = 36
START_MONTH = 1
DISCOUNT = 0.08
V0, GROWTH = 150_000.0, 0.04
SEASON = np.array([1.1, 1.0, 1.0, 0.95, 0.9, 0.9, 0.95, 1.0, 1.0, 1.05, 1.1, 1.25])
UNITS_PER_FTE = 1250.0
# Option 0, "Manila partner"
HOURS, PRODUCTIVITY, DIP, LEARN_MONTHS = 160.0, 0.9, 0.2, 12
MINIMUM, RATE_ESC = 100_000.0, 0.05
RAMP, PARALLEL = 3, 4
Z95 = 1.6448536270


def ceil_star(x):
    return np.ceil(x - 1e-9)


# ---- Deterministic, draw-independent series (length H) --------------------------------------
t = np.arange(H)
year = t // 12
volume = V0 * (1.0 + GROWTH) ** (t / 12.0) * SEASON[(START_MONTH - 1 + t) % 12]
need = ceil_star(volume / UNITS_PER_FTE)
fte = np.repeat(need.reshape(-1, 12).max(axis=1), 12)[:H]  # SizedToPeak: peak of each plan year
esc3 = 1.03 ** year

share = np.minimum(1.0, (t + 1) / RAMP)
learning = 1.0 - DIP * np.maximum(0.0, 1.0 - t / LEARN_MONTHS)
units = share * volume
vfte = ceil_star(units / (UNITS_PER_FTE * PRODUCTIVITY * learning))
discount = (1.0 + DISCOUNT) ** (-(t + 1) / 12.0)

# ---- Sampling: one column per draw -----------------------------------------------------------
rng = np.random.default_rng(SEED)
salary = rng.triangular(52_000.0, 55_000.0, 60_000.0, N)  # in_house.costs[0].amount
lo, mode, hi = 9.5, 11.0, 14.0  # options[0].pricing.rate, Beta-PERT (lambda = 4)
a = 1.0 + 4.0 * (mode - lo) / (hi - lo)
b = 1.0 + 4.0 * (hi - mode) / (hi - lo)
rate = lo + (hi - lo) * rng.beta(a, b, N)
p5, p95 = 3_000.0, 9_000.0  # options[0].hidden[2].cost.amount (severance per FTE)
mu, sigma = 0.5 * (math.log(p5) + math.log(p95)), (math.log(p95) - math.log(p5)) / (2.0 * Z95)
severance = rng.lognormal(mu, sigma, N)
governance = rng.uniform(0.03, 0.06, N)  # options[0].hidden[3].cost.pct

# ---- §2, draws × months ----------------------------------------------------------------------
# In-house: salary (PerFte, annual, escalating) + team leads (Step 12) + seats + telephony + lease.
inhouse_fixed_part = (
    72_000.0 / 12.0 * esc3 * ceil_star(fte / 12.0) + 650.0 * fte + 0.12 * volume + np.where(t < 24, 48_000.0, 0.0)
)
inhouse = salary[:, None] / 12.0 * (esc3 * fte)[None, :] + inhouse_fixed_part[None, :]

raw = rate[:, None] * (HOURS * 1.05 ** year * vfte)[None, :]
fees = np.maximum(raw, MINIMUM)
retained = 28_000.0 * esc3
parallel = np.where(t < PARALLEL, 1.0, 0.0)[None, :] * inhouse
hidden = (governance[:, None] - 0.01) * fees  # Governance % and SLA credits of fees
hidden += 0.03 * units  # Rework per unit
hidden[:, 0] += 60_000.0  # Vendor selection
hidden[:, :3] += 40_000.0  # Knowledge transfer
displaced_at = min(PARALLEL, H - 1)
hidden[:, displaced_at] += severance * fte[displaced_at]  # Severance per displaced FTE
savings = inhouse - (fees + retained[None, :] + parallel + hidden)

# ---- §3 NPV and §6 summaries -----------------------------------------------------------------
npv = savings @ discount
cumulative = np.cumsum(savings, axis=1)
savings_total = cumulative[:, -1]
qs = [5, 10, 25, 50, 75, 90, 95]


def summary(x):
    p = np.percentile(x, qs)  # linear interpolation between order statistics, as §6
    out = {"mean": float(x.mean()), "sd": float(x.std())}
    out.update({f"p{q}": float(v) for q, v in zip(qs, p)})
    return out


counts, edges = np.histogram(npv, bins=40)
bands = np.percentile(cumulative, [10, 50, 90], axis=0)
print(
    json.dumps(
        {
            "samples": N,
            "seed": SEED,
            "npv": summary(npv),
            "savings_total": summary(savings_total),
            "prob_loss": float((npv < 0.0).mean()),
            "histogram": {"edges": edges.tolist(), "counts": counts.tolist()},
            "cumulative_bands": {"p10": bands[0].tolist(), "p50": bands[1].tolist(), "p90": bands[2].tolist()},
        }
    )
)
