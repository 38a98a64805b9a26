"""The job guard on real processes: a tree over its memory limit is reported then killed; a job whose supervisor
died (even one left a zombie, which Ray's own watcher takes for alive) is killed; a job that ends lets it go."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from dataml_jobs.common.job_guard import Guard, alive, format_gb, psutil

PY = sys.executable


def spawn(code: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([PY, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE)


def test_a_tree_over_its_limit_is_reported_then_killed():
    # The memory is in a grandchild: the whole tree counts.
    job = spawn("""
        import subprocess, sys, time
        subprocess.Popen([sys.executable, "-c", "import time; b = [bytearray(b'x') * (16 << 20) for _ in range(40)]; time.sleep(60)"])
        print("started", flush=True)
        time.sleep(60)
    """)
    assert job.stdout.readline().strip() == b"started"
    reports: list[str] = []
    limit = 2**30 // 8
    reason = Guard(job.pid, limit, reports.append, interval=0.05, supervisor=psutil.Process()).run()
    assert reason == "memory"
    assert len(reports) == 1
    assert reports[0].startswith(f"the job exceeded its memory limit of {format_gb(limit)} GB")
    assert format_gb(limit) == "0.12"
    assert job.wait(timeout=10) == -signal.SIGKILL


def test_a_job_under_its_limit_runs_to_its_end():
    job = spawn("import time; b = bytearray(b'x') * (8 << 20); time.sleep(1)")
    reports: list[str] = []
    assert Guard(job.pid, 2**30, reports.append, interval=0.05, supervisor=psutil.Process()).run() == "exited"
    assert job.wait(timeout=10) == 0
    assert reports == []


def orphan_setup() -> tuple[subprocess.Popen[bytes], int]:
    """A stand-in for Ray's supervisor, whose child is the job; returns the supervisor and the job's pid."""
    supervisor = spawn("""
        import subprocess, sys, time
        job = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        print(job.pid, flush=True)
        time.sleep(120)
    """)
    return supervisor, int(supervisor.stdout.readline())


def test_a_job_whose_supervisor_died_is_killed():
    supervisor, job_pid = orphan_setup()
    guard = Guard(job_pid, None, lambda m: None, interval=0.05)  # outside Ray the supervisor is the job's parent
    assert guard.supervisor.pid == supervisor.pid
    supervisor.kill()
    supervisor.wait()
    assert guard.run() == "orphaned"
    assert not psutil.pid_exists(job_pid) or not alive(psutil.Process(job_pid))


def test_a_zombie_supervisor_counts_as_dead():
    supervisor, job_pid = orphan_setup()
    guard = Guard(job_pid, None, lambda m: None, interval=0.05)
    os.kill(supervisor.pid, signal.SIGKILL)  # not reaped: it stays a zombie, and `kill -s 0` still succeeds
    while psutil.Process(supervisor.pid).status() != psutil.STATUS_ZOMBIE:
        pass
    os.kill(supervisor.pid, 0)
    try:
        assert guard.run() == "orphaned"
        assert not psutil.pid_exists(job_pid) or not alive(psutil.Process(job_pid))
    finally:
        supervisor.wait()
