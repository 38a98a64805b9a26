// Starts long-running child processes in their own process groups, so stopping one stops
// everything it spawned (Ray's raylet and workers, for example), and nothing is left behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** File that receives stdout and stderr; when absent, output goes to this terminal with a prefix. */
  logFile?: string;
  /** Signal to send first (Ray stops cleanly on SIGTERM, Temporal and weed on SIGINT). */
  stopSignal?: NodeJS.Signals;
  uid?: number;
  gid?: number;
}

export function startProcess(name: string, command: string, args: string[], opts: StartOptions = {}): Managed {
  // A service writes its log file itself: were its output piped through us, it would die of a
  // broken pipe if this process died first, and could not be stopped cleanly.
  let logFd: number | undefined;
  if (opts.logFile) {
    mkdirSync(path.dirname(opts.logFile), { recursive: true });
    logFd = openSync(opts.logFile, 'a');
  }
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true, // own process group: kill(-pid) reaches every descendant, and a Ctrl-C does not
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid } : {}),
    stdio: ['ignore', logFd ?? 'pipe', logFd ?? 'pipe'],
  });
  if (logFd === undefined) {
    const prefix = (chunk: Buffer) =>
      chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}`).join('\n') + '\n';
    child.stdout!.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
    child.stderr!.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  return {
    name,
    child,
    exited,
    stop(timeoutMs = 15_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return killGroup(child.pid!, 'SIGKILL');
        killGroup(child.pid!, opts.stopSignal ?? 'SIGTERM');
        const timedOut = await Promise.race([exited.then(() => false), sleep(timeoutMs).then(() => true)]);
        if (timedOut) process.stderr.write(`[stack] ${name} did not stop in ${timeoutMs} ms; killing it\n`);
        // Whatever the leader did, take its whole group down with it.
        await sleep(300);
        killGroup(child.pid!, 'SIGKILL');
      })();
      return stopping;
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it resolves truthy, or fails with the last error after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<unknown>, timeoutMs = 120_000, died?: Promise<unknown>): Promise<void> {
  const started = Date.now();
  let last: unknown;
  let dead = false;
  died?.then(() => (dead = true));
  while (Date.now() - started < timeoutMs) {
    if (dead) throw new Error(`${what} exited during start-up (see its log)`);
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    await sleep(500);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms: ${(last as Error)?.message ?? 'no answer'}`);
}
