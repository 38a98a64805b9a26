"""Imports, during the final fit, what the steps after it need, so that none of it is paid after the fit."""

from __future__ import annotations

import importlib
import threading
import time
from typing import Any

from ..common.settings import Settings
from ..common.storage import s3_client
from .onnx_export import prepare as prepare_onnx
from .spans import add


class WarmUp:
    """Called just before the final fit: in a thread, while the model fits (XGBoost and LightGBM release the GIL),
    imports what the export, the upload and the signal need (skl2onnx, the converter of the model's library,
    onnxruntime, boto3 and its client, temporalio), so that none of it is paid after the fit. Failures are ignored
    here: the step that needs the library meets them again and reports them as before."""

    def __init__(self, settings: Settings, onnx: bool = True):
        """`onnx`: False when the export is left to the follow-up job (its imports would only compete with the fit)."""
        self.settings = settings
        self.onnx = onnx
        self.thread: threading.Thread | None = None

    def __call__(self, pipeline: Any) -> None:
        model = pipeline.named_steps["model"]
        self.thread = threading.Thread(target=self._run, args=(model,), name="warm-up", daemon=True)
        self.thread.start()

    def _run(self, model: Any) -> None:
        t0 = time.perf_counter()
        steps = (
            *((lambda: prepare_onnx(model),) if self.onnx else ()),
            lambda: s3_client(self.settings),
            lambda: importlib.import_module("temporalio.client"),
        )
        for step in steps:
            try:
                step()
            except Exception:  # noqa: BLE001, S110 - met again (and reported) by the step that needs it
                pass
        add("warm_up_during_fit", time.perf_counter() - t0)

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()
