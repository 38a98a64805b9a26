"""Wall-clock spans of a job's phases (read, preprocess, fit, evaluate, onnx, save, signal), printed to the job log,
and, with tracing on, OpenTelemetry spans of the job's trace (common/tracing.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..common import tracing

SPANS: dict[str, float] = {}


@contextmanager
def span(name: str) -> Iterator[None]:
    t0 = time.perf_counter()
    try:
        with tracing.phase(name):
            yield
    finally:
        SPANS[name] = SPANS.get(name, 0.0) + time.perf_counter() - t0


def add(name: str, seconds: float) -> None:
    SPANS[name] = SPANS.get(name, 0.0) + seconds


def report() -> str:
    return "spans: " + " ".join(f"{k}={v:.2f}s" for k, v in SPANS.items())
