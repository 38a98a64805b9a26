"""OpenTelemetry tracing of a job: on only when the submitting activity handed it an OTLP endpoint
(OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, from the platform's configuration) and its trace context (TRACEPARENT,
TRACESTATE: OTel's convention for environment carriers). The job's span is then a child of the activity that
submitted it, its phases (training/spans.py) are children of the job's span, its result signal carries the context
to the workflow, and every line it prints from Python starts with the trace id. Off, the SDK is never imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TextIO

_tracer: Any = None
_provider: Any = None


def enabled(env: Mapping[str, str]) -> bool:
    """The submitting activity hands a job both an endpoint and a trace context only with tracing on (the rule is
    config/config.ts tracingEnabled; OTEL_SDK_DISABLED on a Ray node is honoured by the SDK itself)."""
    endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT") or env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    return bool(endpoint) and bool(env.get("TRACEPARENT"))


def start(job: str, env: Mapping[str, str] | None = None) -> bool:
    """Starts the SDK (OTLP over HTTP/protobuf, batched) when `enabled`; True if it did."""
    global _tracer, _provider
    env = os.environ if env is None else env
    if not enabled(env):
        return False
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    _provider = TracerProvider(resource=Resource.create({"service.name": "dataml-job", "dataml.job": job}))
    _provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(_provider)
    _tracer = trace.get_tracer("dataml_jobs")
    prefix_output(env)
    return True


@contextmanager
def job_span(job: str, env: Mapping[str, str] | None = None, **attributes: str) -> Iterator[None]:
    """The job's root span, a child of the trace context it was handed. A no-op with tracing off."""
    if _tracer is None:
        yield
        return
    from opentelemetry import context, propagate

    env = os.environ if env is None else env
    carrier = {"traceparent": env.get("TRACEPARENT", ""), "tracestate": env.get("TRACESTATE", "")}
    token = context.attach(propagate.extract(carrier))
    try:
        with _tracer.start_as_current_span(f"job {job}", attributes=attributes):
            yield
    finally:
        context.detach(token)


def prefix_output(env: Mapping[str, str] | None = None) -> None:
    """With tracing on, every line this process prints from Python starts with `trace_id=<id> ` (the trace the job
    joins, read from TRACEPARENT), so a job's log leads to its trace. The job and its guard both call it."""
    env = os.environ if env is None else env
    if not enabled(env):
        return
    parts = env["TRACEPARENT"].split("-")
    if len(parts) != 4 or len(parts[1]) != 32:
        return  # malformed: the SDK ignores it too, and the job starts a trace of its own
    sys.stdout = _TracePrefixed(sys.stdout, parts[1])
    sys.stderr = _TracePrefixed(sys.stderr, parts[1])


@contextmanager
def phase(name: str) -> Iterator[None]:
    """A span for one phase of the job (read, fit, save, signal...) under the current span; a no-op when off."""
    if _tracer is None:
        yield
        return
    with _tracer.start_as_current_span(name):
        yield


def temporal_interceptors() -> list[Any]:
    """Temporal's tracing interceptor for the client that signals the result: a span whose context travels in the
    signal's headers, so the workflow's handling of the signal joins the trace. None with tracing off."""
    if _tracer is None:
        return []
    from temporalio.contrib.opentelemetry import TracingInterceptor

    return [TracingInterceptor(_tracer)]


def flush(timeout_millis: int = 5000) -> None:
    """Exports the buffered spans: jobs leave with os._exit, which skips the SDK's own flush at exit."""
    if _provider is not None:
        _provider.force_flush(timeout_millis)


class _TracePrefixed:
    """A text stream that starts each line with `trace_id=<id> `, so a job's log lines lead to its trace."""

    def __init__(self, stream: TextIO, trace_id: str) -> None:
        self._stream = stream
        self._prefix = f"trace_id={trace_id} "
        self._at_line_start = True

    def write(self, text: str) -> int:
        if not text:
            return 0
        lines = text.split("\n")
        out = []
        for i, line in enumerate(lines):
            if i > 0:
                out.append("\n")
                self._at_line_start = True
            if line:
                if self._at_line_start:
                    out.append(self._prefix)
                out.append(line)
                self._at_line_start = False
        self._stream.write("".join(out))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
