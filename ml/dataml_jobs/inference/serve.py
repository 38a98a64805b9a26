"""A long-lived Python process the API uses for models without an ONNX copy (date features, for instance).

Protocol: JSON lines. Request {"id", "model_key", "rows": [{column: value}]} -> response {"id", "rows":
[{prediction, probabilities?}]} or {"id", "error"}. Loaded pipelines are kept (LRU, `--cache` entries), so a
request costs one `predict_proba` on a small frame. The API validates and types the features before it asks.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import OrderedDict
from typing import Any

import pandas as pd

from ..common.settings import Settings
from .model import LoadedModel, load_model, predict, to_json_rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=int, default=16)
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    cache: OrderedDict[str, LoadedModel] = OrderedDict()

    def get(key: str) -> LoadedModel:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        model = load_model(settings, key)
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
            model = get(req["model_key"])
            rows = to_json_rows(model, predict(model, pd.DataFrame(req["rows"])))
            resp: dict[str, Any] = {"id": req.get("id"), "rows": rows}
        except Exception as exc:  # noqa: BLE001 - answered to the caller, the server keeps running
            resp = {"id": req.get("id"), "error": f"{type(exc).__name__}: {exc}"[:1000]}
        out.write(json.dumps(resp, default=str) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
