// Ray starts each job's driver in a session of its own (start_new_session), so SIGKILL to Ray's process
// group does not reach it. Ray's own watcher for that driver polls its supervisor with `kill -0`, which
// still succeeds while the supervisor is an unreaped zombie, so after a crash a driver of the dead Ray can
// run on, finish and report. Before Ray starts (again) on a temp dir, a job driver that still runs from
// that temp dir belongs to a Ray that is gone (Ray keeps no job table across a head restart): it is
// killed, so that the workflow's resubmission is the only run. Other Ray nodes' processes are left alone.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Pids of job drivers (`python -m dataml_jobs…`) started from `tempDir` (their working directory or environment names it). */
export function jobDriversUnder(tempDir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('dataml_jobs')) continue;
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === tempDir || cwd.startsWith(`${tempDir}/`) || readFileSync(`/proc/${entry}/environ`, 'utf8').includes(tempDir)) {
        found.push(Number(entry));
      }
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return found;
}

/** SIGKILLs every job driver left from an earlier Ray on `tempDir`; returns how many there were. */
export function killRayLeftovers(tempDir: string): number {
  const pids = jobDriversUnder(tempDir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  return pids.length;
}
