"""The study set that chose how forecast `auto` picks its final forecast (forecast_choice.py), kept apart from the
bench's draws (bench/quality_forecast.py, seeds 1000 and 1001), which are only the out-of-sample check.

The study series: seeds 3000-3003 of the bench's 8 shapes, 5 more shapes (multiplicative season with growth,
seasonal random walk, short quarterly, monthly without season, trend break) and 8 M3/M4-like short series with
random parameters (monthly 66-144 points with h = 18, quarterly 28-64 points with h = 8: trend, damped trend,
multiplicative season, random walk with season, no season). Each series is cut before its last `h` points, as in
the bench. With `real`, the real public series of bench/real_series.py instead (the set the rule in use was chosen on).
`collect` backtests every single candidate once (up to STUDY_WINDOWS windows, the latest first, so that
rules on fewer windows are subsets) and forecasts the held-out points; `rules` replays choice rules on those
errors offline and scores each by MASE ÷ the better of AutoETS and AutoARIMA in hindsight (geometric mean).

Usage (from ml/): .venv/bin/python ../bench/quality_forecast_study.py collect 3000,3001 /tmp/study_a.pkl
                  .venv/bin/python ../bench/quality_forecast_study.py rules /tmp/study_a.pkl /tmp/study_b.pkl
                  ../.tools/uv/bin/uv run --frozen --group bench python ../bench/quality_forecast_study.py \
                      collect 0 /tmp/real.pkl real
                  STUDY_PART=0/2 ../.tools/uv/bin/uv run --frozen --group bench python \
                      ../bench/quality_forecast_study.py collect 0 /tmp/heldout_0.pkl heldout   (and 1/2)
"""

from __future__ import annotations

import os
import pickle
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from quality_forecast import shapes  # noqa: E402
from quality_forecast_extra import STUDIED  # noqa: E402  (studied candidates; it adds their backtests)
from real_series import REAL, heldout_series, real_name, real_series  # noqa: E402

from dataml_jobs.training import forecast  # noqa: E402
from dataml_jobs.training.forecast_backtest import Backtest, Errors, naive_scale  # noqa: E402
from dataml_jobs.training.forecast_models import StatCandidate, candidate  # noqa: E402

STUDY_WINDOWS = 6
SINGLES = ["seasonal_naive", "ets", "arima", "theta", "ces", "lightgbm+diff"]
# Collected too, and added to the rule in use last (the rules before it were chosen without it).
BAGGED = "bagged_ets"


class ApproxArima(StatCandidate):
    """AutoARIMA searching its orders by conditional sum of squares (R's auto.arima default on long series): studied,
    not adopted (docs/benchmarks.md)."""

    def _model(self):
        from statsforecast.models import AutoARIMA

        return AutoARIMA(season_length=self.season, approximation=True)


def extra(rng: np.random.Generator) -> list[tuple[str, str, int, int, np.ndarray]]:
    n = 144
    t = np.arange(n)
    year = np.sin(2 * np.pi * t / 12)
    out = []
    level = 100 * np.exp(0.01 * t)
    out.append(("mult_season", "MS", 12, 18, level * (1 + 0.2 * year) * np.exp(rng.normal(0, 0.03, n))))
    srw = np.zeros(n)
    for i in range(n):
        srw[i] = (srw[i - 12] if i >= 12 else 50) + rng.normal(0, 3)
    out.append(("seasonal_rw", "MS", 12, 12, 200 + srw))
    q = np.arange(44)
    out.append(("short_quarterly", "QS", 4, 8, 300 + 2 * q + 20 * np.sin(2 * np.pi * q / 4 + 1) + rng.normal(0, 8, 44)))
    out.append(("monthly_noseason", "MS", 12, 18, 1000 + np.cumsum(rng.normal(2, 10, 60))))
    out.append(("trend_break", "MS", 12, 12, 500 + np.where(t > 90, 3 * (t - 90), 0) + 25 * year + rng.normal(0, 8, n)))
    return out


def m34_like(rng: np.random.Generator) -> list[tuple[str, str, int, int, np.ndarray]]:
    """Short business-like series with random parameters, in the spirit of M3/M4 monthly and quarterly data."""
    out = []
    for freq, m, h, lo, hi in (("MS", 12, 18, 66, 144), ("QS", 4, 8, 28, 64)):
        tag = "m" if m == 12 else "q"
        for kind in ("trend_season", "damped", "rw_season", "noseason"):
            n = int(rng.integers(lo, hi + 1))
            t = np.arange(n)
            season = 1 + rng.uniform(0.0, 0.35) * np.sin(2 * np.pi * t / m + rng.uniform(0, 2 * np.pi))
            noise = np.exp(rng.normal(0, rng.uniform(0.02, 0.12), n))
            base = rng.uniform(500, 5000)
            if kind == "trend_season":
                y = base * (1 + rng.uniform(-0.004, 0.012) * t) * season * noise
            elif kind == "damped":
                phi = rng.uniform(0.85, 0.98)
                y = base * (1 + rng.uniform(0.01, 0.04) * np.cumsum(phi**t)) * season * noise
            elif kind == "rw_season":
                y = base * np.exp(np.cumsum(rng.normal(0.003, 0.04, n))) * season * noise
            else:
                y = base * np.exp(np.cumsum(rng.normal(0.002, 0.05, n))) * noise
            out.append((f"{tag}_{kind}", freq, m, h, y))
    return out


def collect(seeds: list[int], path: str, only_bench_shapes: bool = False, real: str = "") -> None:
    warnings.filterwarnings("ignore")
    forecast.MAX_WINDOWS = STUDY_WINDOWS
    rows = []
    # STUDY_PART="i/n" keeps every n-th series from the i-th, to collect a large set in parallel processes.
    part, parts = (int(x) for x in os.environ.get("STUDY_PART", "0/1").split("/"))
    for seed in seeds:
        rng = np.random.default_rng(seed)
        if real:
            series = real_series() if real == "real" else heldout_series()
        else:
            series = shapes(rng) + ([] if only_bench_shapes else extra(rng) + m34_like(rng))
        series = series[part::parts]
        for name, freq, season, h, y in series:
            ds = pd.date_range("2010-01-01", periods=len(y), freq=freq)
            full = pd.DataFrame({"unique_id": "s", "ds": ds, "y": y})
            train, test = full.iloc[:-h].reset_index(drop=True), full.iloc[-h:]
            n = len(train)
            windows, m = forecast.windows_for(n, h, forecast.season_for(freq, n))
            bt = Backtest(train, h, windows, m)
            errs, fcs, secs = {}, {}, {}
            makers = {
                c: (lambda c=c, m=m, f=freq, h=h: candidate(c, m, f, h, [], False, 1)) for c in [*SINGLES, BAGGED]
            }
            makers["arima_approx"] = lambda m=m, f=freq: ApproxArima("arima", m, f)
            for c, mk in makers.items():
                t0 = time.monotonic()
                errs[c] = bt.run(c, mk)
                t1 = time.monotonic()
                fcs[c] = mk().fit(train).forecast(train, h, None)["yhat"].to_numpy()
                secs[c] = (t1 - t0, time.monotonic() - t1)  # backtest, final fit
            rows.append(
                {
                    "series": f"{name}_{seed}",
                    "shape": name,
                    "h": h,
                    "m": m,
                    "n": n,
                    "windows": windows,
                    "actual": test["y"].to_numpy(),
                    "scale": naive_scale(train["y"].to_numpy(), season),
                    "train_scale": naive_scale(train["y"].to_numpy(), m),
                    "errs": errs,
                    "fcs": fcs,
                    "secs": secs,
                }
            )
            print(name, seed, n, windows, {k: round(sum(v), 1) for k, v in secs.items()}, flush=True)
    with open(path, "wb") as f:
        pickle.dump(rows, f)


def latest(e: Errors, k: int) -> Errors:
    """The backtest restricted to its latest `k` windows."""
    return Errors(e.frame[e.frame["window"] <= k].reset_index(drop=True), e.seconds)


FIXED = {"mean3": ("mean", ("ets", "arima", "theta")), "median4": ("median", ("ets", "arima", "theta", "ces"))}
PLUS2 = {**FIXED, "mean2": ("mean", ("ets", "arima"))}
APPROX = [c if c != "arima" else "arima_approx" for c in SINGLES]
FIXED_APPROX = {
    "mean3a": ("mean", ("ets", "arima_approx", "theta")),
    "median4a": ("median", ("ets", "arima_approx", "theta", "ces")),
}


def mase(r: dict, yhat: np.ndarray) -> float:
    return max(float(np.mean(np.abs(r["actual"] - yhat)) / r["scale"]), 1e-3)


def weighted(parts: list[Errors], w: np.ndarray) -> Errors:
    f = parts[0].frame.copy()
    f["yhat"] = np.average([p.frame["yhat"].to_numpy(dtype="float64") for p in parts], axis=0, weights=w)
    return Errors(f, 0.0)


MEMO: dict[tuple, tuple] = {}


def entry(r: dict, k: int, name: str, build) -> tuple:
    """(backtest MASE, held-out forecast, backtest errors, is a combination) of one candidate, computed once."""
    key = (r["series"], k, name)
    if key not in MEMO:
        MEMO[key] = build()
    return MEMO[key]


def pool(r: dict, k: int, singles: list[str], fixed: dict, tops: tuple[int, ...], inv: tuple[int, ...]) -> dict:
    """Every candidate of one series: key -> entry() over the latest `k` windows."""
    k = min(k, r["windows"])

    def single(c):
        e = latest(r["errs"][c], k)
        return (e.summary()["mase"], r["fcs"][c], e, False)

    out = {c: entry(r, k, c, lambda c=c: single(c)) for c in singles}
    E = {c: out[c][2] for c in singles}
    ranked = sorted(singles, key=lambda c: (out[c][0], c))

    def comb(parts, how):
        e = Backtest.combined([E[c] for c in parts], how)
        fn = np.median if how == "median" else np.mean
        return (e.summary()["mase"], fn([r["fcs"][c] for c in parts], axis=0), e, True)

    def inverse(parts):
        w = np.array([1 / max(out[c][0], 1e-6) for c in parts])
        e = weighted([E[c] for c in parts], w)
        return (e.summary()["mase"], np.average([r["fcs"][c] for c in parts], axis=0, weights=w), e, True)

    for name, (how, parts) in fixed.items():
        out[name] = entry(r, k, name, lambda how=how, parts=parts: comb(parts, how))
    for t in tops:
        out[f"top{t}"] = entry(r, k, f"top{t}:{ranked[:t]}", lambda t=t: comb(ranked[:t], "mean"))
    for t in inv:
        out[f"inv{t}"] = entry(r, k, f"inv{t}:{ranked[:t]}", lambda t=t: inverse(ranked[:t]))
    return out


def coverage(r: dict, e: Errors, yhat: np.ndarray, lv: int) -> list[bool]:
    from dataml_jobs.training.forecast_backtest import horizon_growth

    # The width the stored model gives (ForecastModel.predict): the cut series' scale at the backtest's season.
    q = e.quantiles()[lv]
    width = q * r.get("train_scale", r["scale"]) * horizon_growth(np.arange(1, len(yhat) + 1))
    return list(np.abs(r["actual"] - yhat) <= width)


def pick(mase: dict[str, float], combinations: set[str], margin: float = 0.0) -> str:
    """The earlier rule (before forecast_choice.combination): the best combination unless the best single model's
    backtest MASE is more than `margin` below it; the lowest MASE with margin 0, a combination winning a tie."""
    ranked = sorted(mase, key=lambda k: (mase[k], k))
    combos = [k for k in ranked if k in combinations]
    best = ranked[0]
    if not combos or best in combinations:
        return best
    return best if mase[best] < (1 - margin) * mase[combos[0]] else combos[0]


def rules(paths: list[str]) -> None:
    from dataml_jobs.training.forecast_choice import REACH, TOP, combination

    rows = [r for p in paths for r in pickle.load(open(p, "rb"))]
    groups = {"bench shapes": set(s for s, *_ in shapes(np.random.default_rng(0)))}
    groups["extra"] = set(s for s, *_ in extra(np.random.default_rng(0)))
    groups["m3/m4-like"] = set(s for s, *_ in m34_like(np.random.default_rng(0)))
    groups["real"] = {real_name(item, column) for _, item, column, _ in REAL}
    if any(r["shape"] not in set().union(*groups.values()) for r in rows):
        groups["held-out real"] = {name for name, *_ in heldout_series()}
    groups = {n: g for n, g in groups.items() if any(r["shape"] in g for r in rows)}
    S = SINGLES
    base = {r["series"]: min(mase(r, r["fcs"]["ets"]), mase(r, r["fcs"]["arima"])) for r in rows}
    table = {}

    def run(name: str, k: int, singles, fixed, tops, inv, choose) -> None:
        ratios, cov, picks, combos = [], [], [], set()
        for r in rows:
            c = pool(r, k, singles, fixed, tops, inv)
            key = choose(c)
            ratios.append(mase(r, c[key][1]) / base[r["series"]])
            cov.extend(coverage(r, c[key][2], c[key][1], 95))
            picks.append(key)
            combos.update(k for k, v in c.items() if v[3])
        g = lambda idx: float(np.exp(np.mean(np.log([ratios[i] for i in idx]))))  # noqa: E731
        per = {n: g([i for i, r in enumerate(rows) if r["shape"] in s]) for n, s in groups.items()}
        table[name] = ratios
        print(
            f"{name:58s} all {g(range(len(rows))):.3f} max {max(ratios):.2f} "
            + " ".join(f"{n} {v:.3f}" for n, v in per.items())
            + f" cov95 {np.mean(cov):.3f} combos {np.mean([c in combos for c in picks]):.2f}",
            flush=True,
        )

    lowest = lambda c: min(c, key=lambda k: (c[k][0], k))  # noqa: E731

    def pooled(tol):
        def choose(c):
            singles = {k: v for k, v in c.items() if not v[3]}
            best = min(v[0] for v in singles.values())
            keep = sorted(k for k, v in singles.items() if v[0] <= best * (1 + tol))
            c["pool"] = (
                0.0,
                np.mean([c[k][1] for k in keep], axis=0),
                weighted([c[k][2] for k in keep], np.ones(len(keep))),
                True,
            )
            return "pool"

        return choose

    def prefer(margin):
        return lambda c: pick({k: v[0] for k, v in c.items()}, {k for k, v in c.items() if v[3]}, margin)

    # The rule as it was (4 windows, exact AutoARIMA, lowest backtest MASE), the alternatives, and the rule chosen.
    run("main: k=4 lowest MASE, singles + mean3/median4/top2", 4, S, FIXED, (2,), (), lowest)
    run("k=4 + approximate AutoARIMA", 4, APPROX, FIXED_APPROX, (2,), (), lowest)
    for k in (4, 6):
        run(f"k={k} lowest MASE, singles only", k, S, {}, (), (), lowest)
        run(f"k={k} always median4", k, S, FIXED, (), (), lambda c: "median4")
        run(f"k={k} always mean3", k, S, FIXED, (), (), lambda c: "mean3")
        run(f"k={k} always mean(ets, arima)", k, S, {"mean2": ("mean", ("ets", "arima"))}, (), (), lambda c: "mean2")
        for t in (2, 3):
            run(f"k={k} always inverse-MASE top{t}", k, S, {}, (), (t,), lambda c, t=t: f"inv{t}")
        for tol in (0.1, 0.25, 0.5):
            run(f"k={k} always pool within {tol:.0%} of the best", k, S, {}, (), (), pooled(tol))
        for margin in (0.0, 0.05, 0.1, 0.2):
            run(f"k={k} combo unless single {margin:.0%} better, fixed+top2", k, S, FIXED, (2,), (), prefer(margin))
            run(f"k={k} combo unless single {margin:.0%} better, +mean2", k, S, PLUS2, (2,), (), prefer(margin))
            run(
                f"k={k} combo unless single {margin:.0%} better, top2,3 inv2,3",
                k,
                S,
                {},
                (2, 3),
                (2, 3),
                prefer(margin),
            )

    def trimmed(reach):
        def choose(c):
            singles = {k: v for k, v in c.items() if not v[3]}
            keys, w = combination({k: v[0] for k, v in singles.items()}, list(singles), TOP, reach)
            c["trimmed"] = (
                0.0,
                np.average([c[k][1] for k in keys], axis=0, weights=w),
                weighted([c[k][2] for k in keys], np.array(w)),
                True,
            )
            return "trimmed"

        return choose

    run("k=6 approximate AutoARIMA, earlier rule", 6, APPROX, FIXED_APPROX, (2,), (), prefer(0.0))
    run("earlier rule: k=6, lowest MASE, a combination winning a tie", 6, S, FIXED, (2,), (), prefer(0.0))
    for reach in (1.1, 1.5, 2.0, float("inf")):
        run(f"k=6 inverse-MASE top{TOP} within {reach}x of the best", 6, S, {}, (), (), trimmed(reach))
    chosen = f"chosen: k=6, inverse-MASE top{TOP} within {REACH}x (forecast_choice.combination)"
    run(chosen, 6, S, {}, (), (), trimmed(REACH))
    if all(BAGGED in r["errs"] for r in rows):
        run(f"in use: the same with {BAGGED} among the candidates", 6, [*S, BAGGED], {}, (), (), trimmed(REACH))
        run(f"{BAGGED} alone", 6, [BAGGED], {}, (), (), lowest)
        for other in (x for x in STUDIED if all(x in r["errs"] for r in rows)):  # quality_forecast_extra.py
            run(f"in use with {other} too", 6, [*S, BAGGED, other], {}, (), (), trimmed(REACH))
            swapped = [other if c == "arima" else c for c in S]
            run(f"in use with {other} in place of arima", 6, [*swapped, BAGGED], {}, (), (), trimmed(REACH))
            run(f"{other} alone", 6, [other], {}, (), (), lowest)
    earlier = "earlier rule: k=6, lowest MASE, a combination winning a tie"
    for shape in sorted({r["shape"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["shape"] == shape]
        old, new = (float(np.exp(np.mean(np.log([table[n][i] for i in idx])))) for n in (earlier, chosen))
        print(f"  {shape:18s} earlier {old:.3f} chosen {new:.3f}")
    change = np.log(table[chosen]) - np.log(table[earlier])
    rng = np.random.default_rng(0)
    boot = [np.exp(np.mean(change[rng.integers(0, len(change), len(change))])) for _ in range(4000)]
    lo, hi = np.quantile(boot, [0.05, 0.95])
    print(f"  chosen / earlier {np.exp(change.mean()):.3f}, paired bootstrap 90 %: {lo:.3f}-{hi:.3f}")
    for c in ("arima", "arima_approx"):
        back, final = (sum(r["secs"][c][j] for r in rows) for j in (0, 1))
        print(f"  {c}: backtest (6 windows) {back:.0f} s + final fit {final:.0f} s over {len(rows)} series")


if __name__ == "__main__":
    if sys.argv[1] == "collect":
        # `bench` as a 4th argument: the bench's shapes only (with seeds 1000,1001: the bench's own draws, to see
        # afterwards which part of a rule chosen on the study set moved the bench's figures).
        # `real` as a 4th argument: the real public series (REAL) instead, once (give one seed); `heldout`: the
        # second real set (HELDOUT), which no rule was chosen on.
        real = sys.argv[4] if sys.argv[4:] in (["real"], ["heldout"]) else ""
        collect([int(s) for s in sys.argv[2].split(",")], sys.argv[3], sys.argv[4:] == ["bench"], real)
    else:
        rules(sys.argv[2:])
