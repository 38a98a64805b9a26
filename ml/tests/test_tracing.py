"""A job's tracing (common/tracing.py) in fresh interpreters, against a real OTLP/HTTP receiver in this process: with
an endpoint and a trace context, the job's span is the child of the handed context, its phases are its children,
the spans arrive as OTLP protobuf and every printed line carries the trace id; without them no SDK is imported and
nothing is sent."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_ID}-01"

JOB = textwrap.dedent("""
    import sys
    from dataml_jobs.common import tracing
    from dataml_jobs.training.spans import span
    started = tracing.start("train")
    with tracing.job_span("train", submission_id="s1"):
        with span("read"):
            print("reading")
        with span("fit"):
            print("fitting\\ntwo lines", file=sys.stderr)
    tracing.flush()
    print("sdk imported:", "opentelemetry.sdk" in sys.modules, "started:", started)
""")


class Receiver:
    def __init__(self) -> None:
        self.requests: list[ExportTraceServiceRequest] = []
        received = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["content-length"]))
                assert self.path == "/v1/traces"
                received.append(ExportTraceServiceRequest.FromString(body))
                self.send_response(200)
                self.send_header("content-type", "application/x-protobuf")
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def spans(self) -> dict[str, object]:
        return {s.name: s for r in self.requests for rs in r.resource_spans for ss in rs.scope_spans for s in ss.spans}


def run_job(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", JOB], env=env, capture_output=True, text=True, timeout=60, check=True)


def test_with_an_endpoint_and_a_trace_context_the_job_joins_the_trace():
    receiver = Receiver()
    try:
        out = run_job({"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url, "TRACEPARENT": TRACEPARENT})
    finally:
        receiver.server.shutdown()
    spans = receiver.spans()
    job, read, fit = spans["job train"], spans["read"], spans["fit"]
    assert job.trace_id.hex() == TRACE_ID and job.parent_span_id.hex() == PARENT_ID
    assert read.parent_span_id == job.span_id and fit.parent_span_id == job.span_id
    assert {read.trace_id.hex(), fit.trace_id.hex()} == {TRACE_ID}
    resource = {a.key: a.value.string_value for a in receiver.requests[0].resource_spans[0].resource.attributes}
    assert resource["service.name"] == "dataml-job"
    lines = [line for line in (out.stdout + out.stderr).splitlines() if line]
    assert lines and all(line.startswith(f"trace_id={TRACE_ID} ") for line in lines), lines
    assert "reading" in out.stdout and "two lines" in out.stderr


def test_without_an_endpoint_no_sdk_is_imported_and_nothing_is_sent():
    receiver = Receiver()
    try:
        # A trace context but no endpoint, then an endpoint but no trace context: off both times.
        for env in ({"TRACEPARENT": TRACEPARENT}, {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url}):
            out = run_job(env)
            assert "sdk imported: False started: False" in out.stdout
            assert "trace_id=" not in out.stdout + out.stderr
    finally:
        receiver.server.shutdown()
    assert receiver.requests == []
