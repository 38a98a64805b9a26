"""A long-lived Python process the API uses for models without an ONNX copy (date features, for instance).

Protocol: JSON lines. Request {"id", "model_key", "rows": [{column: value}]} -> response {"id", "rows":
[{prediction, probabilities?, explanation?}]} or {"id", "error", "code"} ("explain": true adds each row's
feature contributions, `inference.model.explain`); a forecast: {"id", "op": "forecast", "model_key",
"unique_id", "steps", "exogenous"?} -> {"id", "forecast": [{date, value, confidence, lower, upper}],
"covariates": [{name, use}]}.
Loaded pipelines are kept (LRU, `--cache` entries), so a request costs one `predict_proba` on a small frame.
The API validates and types the features before it asks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import OrderedDict
from typing import Any

import pandas as pd

from ..common.runner import JobError
from ..common.settings import Settings
from ..common.storage import get_bytes
from .forecast import UnknownSeries, forecast, load_forecaster
from .model import LoadedModel, from_blob, predict, to_json_rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=int, default=16)
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    cache: OrderedDict[str, Any] = OrderedDict()

    def get(key: str, forecaster: bool = False) -> Any:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        blob = get_bytes(settings, key)
        model = load_forecaster(blob)[0] if forecaster else from_blob(blob)
        cache[key] = model
        while len(cache) > args.cache:
            cache.popitem(last=False)
        return model

    out = sys.stdout
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        req: dict[str, Any] = {}
        try:
            req = json.loads(line)
            if req.get("op") == "forecast":
                fm = get(req["model_key"], forecaster=True)
                resp: dict[str, Any] = {
                    "id": req.get("id"),
                    **forecast(fm, req["unique_id"], int(req["steps"]), req.get("exogenous")),
                }
            else:
                model: LoadedModel = get(req["model_key"])
                rows = to_json_rows(model, predict(model, pd.DataFrame(req["rows"]), bool(req.get("explain"))))
                resp = {"id": req.get("id"), "rows": rows}
        except UnknownSeries as exc:
            resp = {"id": req.get("id"), "error": str(exc), "code": "unknown_series"}
        except JobError as exc:
            resp = {"id": req.get("id"), "error": str(exc), "code": "invalid"}
        except Exception as exc:  # noqa: BLE001 - answered to the caller, the server keeps running
            resp = {"id": req.get("id"), "error": f"{type(exc).__name__}: {exc}"[:1000], "code": "internal"}
        out.write(json.dumps(resp, default=str) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
