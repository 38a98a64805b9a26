"""The warm runners' driver: a small long-lived process (started by each Temporal worker, integrations/warm-runners.ts)
connected to the Ray cluster, that relays the activities' HTTP calls to the runner actors (warm/runner.py).

    python -m dataml_jobs.warm.driver --gcs-address HOST:PORT [--port 0] [--max-steps N]

It prints `{"port": N}` on stdout once it listens on 127.0.0.1. Endpoints (JSON):
  POST /steps   {job, submission_id, workflow_id, input_b64 | input_s3_key, env} → {created, log}
  GET  /steps/<id>?job=J                → {status: RUNNING|SUCCEEDED|FAILED|STOPPED|MISSING, exit_code?, log}
  GET  /steps/<id>/logs?job=J           → {logs}   (the tail of the step's output)
  POST /steps/<id>/stop?job=J           → {stopped}
  GET  /runners/<job>                   → the runner's state (pid, steps, fork server's memory)
A runner that cannot be reached answers 503 (the activity retries). If the driver loses Ray for good it exits, and
the worker starts it again.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import ray
from ray.exceptions import GetTimeoutError, RayActorError

from .runner import NAMESPACE, runner_for

CALL_TIMEOUT = 30.0
# The first call to a new runner waits for its process to start (and its fork server to import the job's modules).
CREATE_TIMEOUT = 120.0


class Runners:
    def __init__(self, max_steps: int) -> None:
        self.max_steps = max_steps
        self.handles: dict[str, Any] = {}
        self.lock = threading.Lock()

    def handle(self, job: str) -> Any:
        with self.lock:
            if job not in self.handles:
                self.handles[job] = runner_for(job, self.max_steps)
            return self.handles[job]

    def call(self, job: str, method: str, *args: Any) -> Any:
        actor = self.handle(job)
        try:
            return ray.get(
                getattr(actor, method).remote(*args), timeout=CREATE_TIMEOUT if method == "start" else CALL_TIMEOUT
            )
        except RayActorError:
            # Dead for good (e.g. killed with no_restart) or mid-restart: a fresh handle on the next call.
            with self.lock:
                self.handles.pop(job, None)
            raise


def make_handler(runners: Runners) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet: the worker logs the calls
            pass

        def answer(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def route(self, method: str) -> None:
            url = urlparse(self.path)
            parts = [p for p in url.path.split("/") if p]
            job = (parse_qs(url.query).get("job") or [""])[0]
            try:
                if method == "POST" and parts == ["steps"]:
                    spec = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)))
                    return self.answer(200, runners.call(spec["job"], "start", spec))
                if method == "GET" and parts == ["healthz"]:
                    return self.answer(200, {"ok": True})
                if method == "GET" and len(parts) == 2 and parts[0] == "runners":
                    return self.answer(200, runners.call(parts[1], "info"))
                if len(parts) >= 2 and parts[0] == "steps" and job:
                    sid = parts[1]
                    if method == "GET" and len(parts) == 2:
                        return self.answer(200, runners.call(job, "status", sid))
                    if method == "GET" and parts[2:] == ["logs"]:
                        return self.answer(200, {"logs": runners.call(job, "logs", sid)})
                    if method == "POST" and parts[2:] == ["stop"]:
                        return self.answer(200, {"stopped": runners.call(job, "stop", sid)})
                return self.answer(404, {"error": f"no route {method} {url.path}"})
            except (RayActorError, GetTimeoutError) as exc:
                return self.answer(503, {"error": f"warm runner {job or '?'} unavailable: {type(exc).__name__}: {exc}"})
            except Exception as exc:  # noqa: BLE001 - answered, never a dead driver
                return self.answer(500, {"error": f"{type(exc).__name__}: {exc}"})

        def do_GET(self) -> None:  # noqa: N802
            self.route("GET")

        def do_POST(self) -> None:  # noqa: N802
            self.route("POST")

    return Handler


def exit_with_stdin() -> None:
    """Ends with the worker that started it (its stdin closes then), even if the worker was killed."""
    sys.stdin.read()
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gcs-address", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-steps", type=int, default=200)
    args = parser.parse_args(argv)
    ray.init(address=args.gcs_address, namespace=NAMESPACE, logging_level="WARNING", log_to_driver=False)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(Runners(args.max_steps)))
    threading.Thread(target=exit_with_stdin, daemon=True).start()
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
