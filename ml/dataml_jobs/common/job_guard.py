"""Each Ray job's guard: a small process the job starts beside itself (common/runner.py) that

1. holds the job's process tree to its memory limit: past it, the tree is frozen, the failure is reported to the
   workflow ("exceeded its memory limit of N GB"), and the tree is killed, so one job cannot starve the others
   (an OS limit such as RLIMIT_AS would break arrow and numpy, which reserve far more than they use);
2. ends the job when the Ray process that supervises it is gone (Ray restarted or its node died): the workflow
   resubmits the job then, and a job nobody watches must not run on. A dead supervisor that nobody reaps stays a
   zombie, so zombies count as dead (Ray's own watcher, `kill -s 0`, takes them for alive).

Run as `python -m dataml_jobs.common.job_guard --job-pid … --workflow-id … --submission-id … [--limit-bytes …]`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from . import tracing


def load_psutil() -> Any:
    """psutil as Ray ships it (ray/thirdparty_files), without importing Ray itself (a second of start-up)."""
    try:
        import psutil
    except ImportError:
        spec = importlib.util.find_spec("ray")
        if spec is None or spec.origin is None:
            raise
        sys.path.insert(0, os.path.join(os.path.dirname(spec.origin), "thirdparty_files"))
        import psutil
    return psutil


psutil = load_psutil()


def format_gb(n_bytes: float) -> str:
    """Bytes as the limit is configured: GB of 2^30 bytes, at most two decimals ("0.5", "4.77")."""
    return f"{round(n_bytes / 2**30, 2):g}"


def alive(proc: Any) -> bool:
    try:
        return bool(proc.is_running()) and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def find_supervisor(job: Any) -> Any | None:
    """The nearest ancestor that is a Ray worker (`ray::JobSupervisor`); outside Ray, the job's parent."""
    try:
        for parent in job.parents():
            try:
                cmdline = parent.cmdline()
            except (psutil.AccessDenied, psutil.NoSuchProcess):
                continue
            if cmdline and cmdline[0].startswith("ray::"):
                return parent
        return job.parent()
    except psutil.NoSuchProcess:
        return None


class Guard:
    def __init__(
        self,
        job_pid: int,
        limit_bytes: int | None,
        report: Callable[[str], None],
        interval: float = 0.25,
        supervisor: Any | None = None,
    ) -> None:
        self.job = psutil.Process(job_pid)
        self.limit_bytes = limit_bytes
        self.report = report
        self.interval = interval
        self.supervisor = supervisor if supervisor is not None else find_supervisor(self.job)
        self.me = os.getpid()
        self.peak = 0

    def tree(self) -> list[Any]:
        try:
            procs = [self.job, *self.job.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []
        return [p for p in procs if p.pid != self.me]

    def rss(self, procs: list[Any]) -> int:
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total

    def signal_tree(self, procs: list[Any], sig: int) -> None:
        for p in procs:
            try:
                p.send_signal(sig)
            except psutil.NoSuchProcess:
                pass

    def kill_tree(self, procs: list[Any]) -> None:
        """SIGKILL, then wait (bounded) until each is gone or a zombie: the guard's word is that they ended."""
        self.signal_tree(procs, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(alive(p) for p in procs) and time.monotonic() < deadline:
            time.sleep(0.02)

    def run(self) -> str:
        """Watches until the job ends; returns why the guard stopped: "exited", "orphaned" or "memory"."""
        while True:
            if not alive(self.job):
                print(f"job guard: peak memory {format_gb(self.peak)} GB of the job's processes", flush=True)
                return "exited"
            if self.supervisor is not None and not alive(self.supervisor):
                print(
                    f"job guard: the job's supervisor (pid {self.supervisor.pid}) is gone; stopping the job", flush=True
                )
                self.kill_tree(self.tree())
                return "orphaned"
            procs = self.tree()
            used = self.rss(procs)
            self.peak = max(self.peak, used)
            if self.limit_bytes and used > self.limit_bytes:
                # Frozen first, so that it grows no further while the report is on its way.
                self.signal_tree(procs, signal.SIGSTOP)
                message = (
                    f"the job exceeded its memory limit of {format_gb(self.limit_bytes)} GB "
                    f"(it used {format_gb(used)} GB); give it less data or raise RAY_JOB_MEMORY_LIMIT_GB"
                )
                print(f"MemoryError: {message}", flush=True)
                try:
                    self.report(message)
                finally:
                    self.kill_tree(self.tree())
                return "memory"
            time.sleep(self.interval)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--job-pid", type=int, required=True)
    parser.add_argument("--workflow-id", required=True)
    parser.add_argument("--submission-id", required=True)
    parser.add_argument("--limit-bytes", type=int, default=None)
    args = parser.parse_args(argv)
    tracing.prefix_output()  # its lines are the job's: with tracing on they carry the job's trace id too

    def report(message: str) -> None:
        from .settings import Settings
        from .signal import send_result

        try:
            send_result(Settings.from_env(), args.workflow_id, args.submission_id, error=message, timeout=30)
        except Exception as exc:  # noqa: BLE001 - the log line above still tells the workflow why
            print(f"job guard: could not report to the workflow: {type(exc).__name__}: {exc}", flush=True)

    try:
        Guard(args.job_pid, args.limit_bytes, report).run()
    except psutil.NoSuchProcess:
        pass  # the job ended before the guard looked at it
    sys.stdout.flush()
    os._exit(0)  # as the runner does: no interpreter teardown of the Temporal client's runtime


if __name__ == "__main__":
    main()
