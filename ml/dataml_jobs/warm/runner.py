"""The warm runner: a named, detached Ray actor per job type (`warm-<job>` in the `dataml` namespace, restarted by
Ray when it dies) that keeps a fork server with that job's modules imported and runs each step in a process of its
own forked from it (warm/step.py). So a step starts in milliseconds, and a step that crashes or breaks its memory
limit (its guard, common/job_guard.py, kills the step's session) takes no other step and not the runner with it.

- Idempotent: `start` of a submission id it knows (running, or ended: its `.exit` file) starts nothing.
- Found again after a restart of the runner: a step's end is on disk (`.exit`); a step whose runner died
  mid-way is killed by its guard (the runner is its supervisor) and reads as MISSING, which makes the workflow
  submit it again (as for a Ray job that Ray lost).
- Recycled: the fork server is replaced after `max_steps` steps or when its memory grew past `max_growth`×.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
import time
from typing import Any

import ray

from ..common.job_guard import psutil
from .step import paths, run_step

NAMESPACE = "dataml"
# A step's process after SIGTERM gets this long to end before SIGKILL.
STOP_GRACE_SECONDS = 5.0


def actor_name(job: str) -> str:
    return f"warm-{job}"


def default_log_dir() -> str:
    """Beside Ray's own logs of this session (what `ray logs` and the dashboard show)."""
    node = ray._private.worker.global_worker.node  # noqa: SLF001 - the session's logs dir has no public getter
    return os.path.join(node.get_logs_dir_path(), "dataml-steps")


class WarmRunner:
    def __init__(self, job: str, max_steps: int = 200, max_growth: float = 2.0, log_dir: str | None = None) -> None:
        self.job = job
        self.max_steps = max_steps
        self.max_growth = max_growth
        self.log_dir = log_dir or default_log_dir()
        os.makedirs(self.log_dir, exist_ok=True)
        self.lock = threading.Lock()
        self.running: dict[str, Any] = {}
        self.steps_since_recycle = 0
        self.baseline_rss: int | None = None
        self.recycles = 0
        # multiprocessing would re-run the actor's __main__ (Ray's worker script, importing Ray: a second) in every
        # step's process; the steps need nothing from it.
        main = sys.modules["__main__"]
        for attr in ("__file__", "__spec__"):
            if getattr(main, attr, None) is not None:
                setattr(main, attr, None) if attr == "__spec__" else delattr(main, attr)
        self.ctx = multiprocessing.get_context("forkserver")
        # Besides the job's own modules: what every step imports on its way (boto3 for S3, pyiceberg's pyarrow IO
        # for the lake): ~2.5 s of imports per step on a loaded machine otherwise, competing with the step's work.
        # Imports only; clients and connections are made in the step (nothing of them may cross a fork).
        self.ctx.set_forkserver_preload(
            [
                f"dataml_jobs.jobs.{job}",
                "dataml_jobs.common.runner",
                "temporalio.client",
                "boto3",
                "botocore.config",
                "pyiceberg.io.pyarrow",
                "dataml_jobs.warm.step",
            ]
        )
        # The fork server starts (and imports) now, not on the first step.
        threading.Thread(target=self._warm_up, daemon=True).start()

    def _warm_up(self) -> None:
        """Starts the fork server and waits for its imports (a no-op process is forked once they are done)."""
        with self.lock:
            proc = self.ctx.Process(target=os.getpid, name="warm-up")
            proc.start()
            proc.join()
            self.baseline_rss = self._server_rss()

    def _server_rss(self) -> int | None:
        pid = multiprocessing.forkserver._forkserver._forkserver_pid  # noqa: SLF001
        try:
            return int(psutil.Process(pid).memory_info().rss) if pid else None
        except psutil.NoSuchProcess:
            return None

    def start(self, spec: dict[str, Any]) -> dict[str, Any]:
        sid = spec["submission_id"]
        p = paths(self.log_dir, sid)
        with self.lock:
            if sid in self.running or p["exit"].exists() or p["log"].exists():
                return {"created": False, "log": str(p["log"])}
            p["log"].touch()
            proc = self.ctx.Process(target=run_step, args=(spec, str(p["log"])), name=f"step {sid}", daemon=False)
            proc.start()
            self.running[sid] = proc
            self.steps_since_recycle += 1
        threading.Thread(target=self._reap, args=(sid, proc), daemon=True).start()
        return {"created": True, "log": str(p["log"]), "pid": proc.pid}

    def _reap(self, sid: str, proc: Any) -> None:
        proc.join()
        p = paths(self.log_dir, sid)
        p["exit"].write_text(str(proc.exitcode))
        with self.lock:
            self.running.pop(sid, None)
            self._maybe_recycle()

    def _maybe_recycle(self) -> None:
        """Called with the lock held, when a step ended: a fresh fork server once no step is running."""
        if self.running:
            return
        rss = self._server_rss()
        grown = bool(rss and self.baseline_rss and rss > self.max_growth * self.baseline_rss)
        if self.steps_since_recycle < self.max_steps and not grown:
            return
        print(f"warm runner {self.job}: recycling after {self.steps_since_recycle} steps (rss {rss})", flush=True)
        multiprocessing.forkserver._forkserver._stop()  # noqa: SLF001 - the next start forks a new server
        self.steps_since_recycle = 0
        self.recycles += 1
        threading.Thread(target=self._warm_up, daemon=True).start()

    def status(self, submission_id: str) -> dict[str, Any]:
        p = paths(self.log_dir, submission_id)
        with self.lock:
            proc = self.running.get(submission_id)
        if proc is not None:
            return {"status": "RUNNING", "pid": proc.pid, "log": str(p["log"])}
        if p["exit"].exists():
            code = int(p["exit"].read_text() or "1")
            state = "SUCCEEDED" if code == 0 else "STOPPED" if p["stopped"].exists() else "FAILED"
            return {"status": state, "exit_code": code, "log": str(p["log"])}
        return {"status": "MISSING", "log": str(p["log"])}

    def logs(self, submission_id: str, tail_bytes: int = 20_000) -> str:
        path = paths(self.log_dir, submission_id)["log"]
        try:
            with open(path, "rb") as f:
                f.seek(max(0, path.stat().st_size - tail_bytes))
                return f.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def stop(self, submission_id: str) -> bool:
        """SIGTERM to the step's session, SIGKILL after a grace; returns once it ended."""
        with self.lock:
            proc = self.running.get(submission_id)
        if proc is None:
            return False
        paths(self.log_dir, submission_id)["stopped"].touch()
        for sig, wait in ((signal.SIGTERM, STOP_GRACE_SECONDS), (signal.SIGKILL, 10.0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + wait
            while proc.is_alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            if not proc.is_alive():
                break
        return True

    def info(self) -> dict[str, Any]:
        with self.lock:
            return {
                "job": self.job,
                "pid": os.getpid(),
                "running": sorted(self.running),
                "steps_since_recycle": self.steps_since_recycle,
                "recycles": self.recycles,
                "server_pid": multiprocessing.forkserver._forkserver._forkserver_pid,  # noqa: SLF001
                "server_rss": self._server_rss(),
                "log_dir": self.log_dir,
            }


def runner_for(job: str, max_steps: int, create: bool = True) -> Any:
    """The runner actor of this job type, created if missing (any driver may create it: get_if_exists)."""
    if not create:
        return ray.get_actor(actor_name(job), namespace=NAMESPACE)
    cls = ray.remote(WarmRunner)
    return cls.options(
        name=actor_name(job),
        namespace=NAMESPACE,
        lifetime="detached",
        get_if_exists=True,
        # Replaced whenever it dies; a call in flight then fails and the caller (an activity) retries.
        max_restarts=-1,
        max_task_retries=0,
        # Steps run in processes of their own: the actor reserves no CPU, and answers calls concurrently.
        num_cpus=0,
        max_concurrency=32,
    ).remote(job, max_steps)
