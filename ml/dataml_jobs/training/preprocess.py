"""The preprocessing half of every model's pipeline, and the typed frame it expects.

A model's input is a DataFrame whose columns follow the template's types (`to_model_frame` coerces any frame
to them): Integer/Float/Boolean become float64 (Boolean as 0/1), String becomes object (str or None),
Date/DateTime become datetime64; a missing string is "". The fitted ColumnTransformer then imputes each column
(with the template's default when it has one, else the median / the "__missing__" category), one-hot encodes
the strings' frequent levels (`FrequentOneHot`) and turns dates into calendar features. `describe_preprocess` is
the record of what was fitted (stored in Postgres as the model's preprocess record).
"""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MISSING = "__missing__"
NUMERIC_TYPES = {"Integer", "Float", "Boolean"}
DATE_TYPES = {"Date", "DateTime"}
MAX_CATEGORIES_RECORDED = 50
# A string level seen in fewer training rows than this is encoded like an unseen one (all zeros): no model learns a
# level from a handful of rows, and a column of ids or free text would otherwise become one dense column per row.
MIN_LEVEL_ROWS = 5
# At most this many levels per string column (the most frequent), and fewer on long data, so the one-hot part of the
# dense matrix stays within `ONE_HOT_CELLS` (never under `MIN_LEVELS` a column).
MAX_LEVELS = 100
MIN_LEVELS = 10
ONE_HOT_CELLS = 50_000_000


@dataclass(frozen=True)
class Feature:
    name: str
    data_type: str  # template type
    default: str | None = None

    @property
    def kind(self) -> str:
        if self.data_type in NUMERIC_TYPES:
            return "numeric"
        if self.data_type in DATE_TYPES:
            return "date"
        return "categorical"


def _to_bool_float(s: pd.Series) -> pd.Series:
    if s.dtype == bool:
        return s.astype("float64")
    low = s.astype("string").str.strip().str.lower()
    out = pd.Series(np.nan, index=s.index, dtype="float64")
    out[low.isin(["true", "1", "1.0", "yes"])] = 1.0
    out[low.isin(["false", "0", "0.0", "no"])] = 0.0
    return out


def coerce_column(s: pd.Series, data_type: str) -> pd.Series:
    if data_type == "Boolean":
        return _to_bool_float(s)
    if data_type in ("Integer", "Float"):
        # An infinity (a CSV's "inf", a division by zero upstream) is no measurement: missing, like a blank.
        out = pd.to_numeric(s, errors="coerce").astype("float64")
        return out.where(np.isfinite(out))
    if data_type in DATE_TYPES:
        out = pd.to_datetime(s, errors="coerce", utc=True)
        return out.dt.tz_localize(None)
    # String: object dtype, every value a str, "" for missing (the marker the imputer and the ONNX graph share)
    if isinstance(s.dtype, pd.StringDtype):  # already str or missing (what pyarrow strings become): one conversion
        return s.fillna("").astype(object)
    return s.astype(object).where(s.notna(), "").astype(str).astype(object)


def to_model_frame(df: pd.DataFrame, features: list[Feature]) -> pd.DataFrame:
    """The frame the pipeline expects: exactly the features, in order, typed (missing columns are all-null)."""
    cols = {}
    for f in features:
        raw = df[f.name] if f.name in df.columns else pd.Series([None] * len(df), index=df.index, dtype=object)
        cols[f.name] = coerce_column(raw, f.data_type)
    return pd.DataFrame(cols, index=df.index)


class DateFeatures(BaseEstimator, TransformerMixin):
    """Calendar features of one date column (year, month, day, weekday, day of year; hour for DateTime)."""

    def __init__(self, with_time: bool = False, default: str | None = None):
        self.with_time = with_time
        self.default = default

    def fit(self, X: Any, y: Any = None) -> DateFeatures:
        self.n_features_in_ = 1
        return self

    def _parts(self) -> list[str]:
        return ["year", "month", "day", "day_of_week", "day_of_year"] + (["hour"] if self.with_time else [])

    def transform(self, X: Any) -> np.ndarray:
        s = pd.to_datetime(pd.DataFrame(X).iloc[:, 0], errors="coerce")
        if self.default is not None:
            s = s.fillna(
                pd.Timestamp(self.default).tz_localize(None)
                if pd.Timestamp(self.default).tzinfo
                else pd.Timestamp(self.default)
            )
        out = np.column_stack([getattr(s.dt, p).astype("float64").to_numpy() for p in self._parts()])
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        base = input_features[0] if input_features is not None and len(input_features) else "date"
        return np.array([f"{base}_{p}" for p in self._parts()], dtype=object)


class FrequentOneHot(OneHotEncoder):
    """One-hot encoding of a string column's frequent levels: those seen in at least `MIN_LEVEL_ROWS` rows, at most
    `max_levels` of them (most rows first), `columns` string columns sharing the `ONE_HOT_CELLS` budget. The other
    levels, like levels never seen, encode as all zeros. The kept levels become the encoder's explicit
    `categories_`, so skl2onnx exports it as a plain OneHotEncoder (registered in `onnx_export.py`)."""

    def __init__(self, *, columns: int = 1, max_levels: int = MAX_LEVELS, min_rows: int = MIN_LEVEL_ROWS):
        super().__init__(handle_unknown="ignore", sparse_output=False)
        self.columns = columns
        self.max_levels = max_levels
        self.min_rows = min_rows

    _parameter_constraints: dict = {
        **OneHotEncoder._parameter_constraints,
        "columns": [int],
        "max_levels": [int],
        "min_rows": [int],
    }

    def fit(self, X: Any, y: Any = None) -> FrequentOneHot:
        values = pd.Series(np.asarray(X, dtype=object).reshape(len(X), -1)[:, 0])
        counts = values.value_counts(sort=False)
        budget = max(MIN_LEVELS, ONE_HOT_CELLS // max(1, len(values) * self.columns))
        # Most rows first, ties by value, so the same rows keep the same levels.
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        kept = [v for v, c in ranked[: min(self.max_levels, budget)] if c >= self.min_rows] or [ranked[0][0]]
        self.categories = [np.array(sorted(kept, key=str), dtype=object)]
        return super().fit(X, y)

    def transform(self, X: Any) -> Any:
        with warnings.catch_warnings():
            # Rare levels encode as all zeros by design: sklearn warns about them as unknown categories.
            warnings.filterwarnings("ignore", message="Found unknown categories", category=UserWarning)
            return super().transform(X)


class Float32Imputer(SimpleImputer):
    """SimpleImputer whose numbers come out rounded to float32, as its ONNX copy (and every serving input) has them.

    XGBoost and sklearn's trees round their inputs to float32 anyway; LightGBM reads float64, and a number that
    float32 cannot hold (a latitude to 7 decimals) could fall on the other side of a split in the ONNX copy. With the
    rounding here, every model is fitted on and predicts from the values the ONNX graph sees (`lgbm.py`)."""

    def transform(self, X: Any) -> Any:
        out = super().transform(X)
        return out if out.dtype.kind != "f" else out.astype(np.float32).astype(np.float64)


class Float32Scaler(StandardScaler):
    """StandardScaler computed as its ONNX copy computes it: (x - mean) * (1 / scale), in float32.

    A tree model behind the scaler (an ensemble's members share the linear member's scaled matrix) compares the scaled
    values with its split thresholds, and histogram-based trees put thresholds at values the training rows have. The
    float64 result rounded to float32 and the ONNX graph's float32 arithmetic could land on either side of such a
    threshold, so the ONNX copy disagreed with the model on those rows (an XGBoost member: by up to 0.1 in a
    probability on breast cancer) and the model was served by Python. Computed the same way, both agree exactly; the
    float32 rounding is far below anything a linear model reads. skl2onnx's own scaler converter exports it."""

    def transform(self, X: Any, copy: bool | None = None) -> np.ndarray:
        if not (self.with_mean and self.with_std):
            return super().transform(X, copy=copy)
        x = np.asarray(X, dtype=np.float32)
        return ((x - self.mean_.astype(np.float32)) * (1.0 / self.scale_).astype(np.float32)).astype(np.float64)


def _numeric_runs(features: list[Feature]) -> list[list[Feature]]:
    """The features, each alone, except that consecutive numeric features imputed by their median share one list.

    One branch of a ColumnTransformer costs milliseconds to fit and to apply whatever its width: 1,500 one-column
    branches took 7-10 s per fit of a pipeline on 150 rows, paid again by every fit the training makes. The median
    imputer and the scaler work column by column, so a branch of such a run outputs exactly what one branch per
    column did, in the same order. A column with a default keeps its own branch (its own fill value)."""

    def by_median(f: Feature) -> bool:
        return f.kind == "numeric" and f.default is None

    runs: list[list[Feature]] = []
    for f in features:
        if runs and by_median(f) and by_median(runs[-1][-1]):
            runs[-1].append(f)
        else:
            runs.append([f])
    return runs


def build_preprocessor(features: list[Feature], *, scale_numeric: bool = False) -> ColumnTransformer:
    transformers = []
    strings = sum(1 for f in features if f.kind == "categorical")
    for run in _numeric_runs(features):
        f = run[0]
        if f.kind == "numeric":
            imputer = (
                Float32Imputer(strategy="constant", fill_value=float(_default_number(f)))
                if f.default is not None
                else Float32Imputer(strategy="median", keep_empty_features=True)
            )
            steps: list[tuple[str, Any]] = [("impute", imputer)]
            if scale_numeric:
                steps.append(("scale", Float32Scaler()))
            name = f"num:{f.name}" if len(run) == 1 else f"num:{f.name}..{run[-1].name}"
            transformers.append((name, Pipeline(steps), [g.name for g in run]))
        elif f.kind == "date":
            steps = [
                ("dates", DateFeatures(with_time=f.data_type == "DateTime", default=f.default)),
                ("impute", Float32Imputer(strategy="median", keep_empty_features=True)),
            ]
            if scale_numeric:
                steps.append(("scale", Float32Scaler()))
            transformers.append((f"date:{f.name}", Pipeline(steps), [f.name]))
        else:
            fill = f.default if f.default is not None else MISSING
            transformers.append(
                (
                    f"cat:{f.name}",
                    Pipeline(
                        [
                            # An all-missing column stays (its fill value): sklearn would drop it, failing the encoder.
                            (
                                "impute",
                                SimpleImputer(
                                    strategy="constant", fill_value=fill, missing_values="", keep_empty_features=True
                                ),
                            ),
                            ("onehot", FrequentOneHot(columns=strings)),
                        ]
                    ),
                    [f.name],
                )
            )
    return ColumnTransformer(transformers, remainder="drop", sparse_threshold=0.0, verbose_feature_names_out=False)


def _default_number(f: Feature) -> float:
    if f.data_type == "Boolean":
        return 1.0 if str(f.default).strip().lower() in ("true", "1") else 0.0
    return float(f.default)  # type: ignore[arg-type]


def describe_preprocess(pre: ColumnTransformer, features: list[Feature]) -> dict[str, Any]:
    """A JSON record of the fitted preprocessing: per original feature, how it is imputed and encoded."""
    out = []
    by_name = {f.name: f for f in features}
    for name, trans, cols in pre.transformers_:
        if name == "remainder":
            continue
        if len(cols) > 1:  # a run of numeric columns imputed by their medians (`_numeric_runs`)
            imputer = trans.named_steps["impute"]
            encoding = {"type": "scaled" if "scale" in trans.named_steps else "passthrough"}
            for col, stat in zip(cols, imputer.statistics_, strict=True):
                feat = by_name[col]
                item = {**asdict(feat), "kind": feat.kind, "impute": {"strategy": "median", "value": _num(stat)}}
                out.append({**item, "encoding": dict(encoding)})
            continue
        feat = by_name[cols[0]]
        item: dict[str, Any] = {**asdict(feat), "kind": feat.kind}
        imputer = trans.named_steps["impute"]
        if feat.kind == "categorical":
            item["impute"] = {"strategy": "constant", "value": imputer.fill_value}
            cats = [str(c) for c in trans.named_steps["onehot"].categories_[0]]
            item["encoding"] = {
                "type": "one_hot",
                "n_categories": len(cats),
                "categories": cats[:MAX_CATEGORIES_RECORDED],
                "unknown": f"ignored (all zeros), as are levels seen in fewer than {MIN_LEVEL_ROWS} training rows",
            }
        elif feat.kind == "date":
            item["impute"] = {"strategy": "median", "values": [_num(v) for v in imputer.statistics_]}
            item["encoding"] = {
                "type": "calendar",
                "outputs": list(trans.named_steps["dates"].get_feature_names_out([feat.name])),
            }
        else:
            stat = imputer.statistics_[0]
            item["impute"] = {"strategy": imputer.strategy, "value": _num(stat)}
            item["encoding"] = {"type": "scaled" if "scale" in trans.named_steps else "passthrough"}
        out.append(item)
    return {"features": out, "n_outputs": len(pre.get_feature_names_out())}


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(f) else f
