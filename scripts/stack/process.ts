// Starts long-running child processes in their own process groups, so stopping one stops
// everything it spawned (Ray's raylet and workers, for example), and nothing is left behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
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

// Every process started and not yet exited, whatever became of its start-up: a component that fails (or
// is interrupted) while others are still starting must not leave those running. See stopEverything.
const live = new Set<Managed>();
let closed = false;

/**
 * Stops every process started here that is still running, and refuses new ones: a start-up that was still
 * in flight when shutdown began cannot spawn its process afterwards.
 */
export async function stopEverything(): Promise<void> {
  closed = true;
  await Promise.all([...live].map((m) => m.stop()));
}

export function startProcess(name: string, command: string, args: string[], opts: StartOptions = {}): Managed {
  if (closed) throw new Error(`not starting ${name}: shutting down`);
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
      `${chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((l) => `[${name}] ${l}`)
        .join('\n')}\n`;
    child.stdout!.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
    child.stderr!.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  const managed: Managed = {
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
  live.add(managed);
  // The group may outlive its leader (Ray's raylet): forget it only once stopped or never started.
  void managed.exited.then(() => {
    if (stopping || child.pid === undefined) live.delete(managed);
  });
  return managed;
}

/**
 * Every process descended from `pid` (by parent pid, read from /proc; none where there is no /proc), including
 * those that left its process group: Ray starts each job's driver in a session of its own.
 */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the 2nd field after the parenthesised command name (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHECK_TIMEOUT_MS = 10_000;

/**
 * Polls `check` until it resolves truthy, or fails with the last error after `timeoutMs`, or as soon as
 * `died` settles. A single check may hang (something else holds the port and never answers): it is given
 * up on after CHECK_TIMEOUT_MS, and abandoned at once if the process dies.
 */
export async function waitFor(what: string, check: () => Promise<unknown>, timeoutMs = 120_000, died?: Promise<unknown>): Promise<void> {
  const started = Date.now();
  let last: unknown;
  let dead = false;
  const death = new Promise<'dead'>((resolve) => died?.then(() => resolve('dead')));
  void death.then(() => (dead = true));
  while (Date.now() - started < timeoutMs) {
    if (dead) throw new Error(`${what} exited during start-up (see its log)`);
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), CHECK_TIMEOUT_MS)));
      const outcome = await Promise.race([check(), death, timeout]).finally(() => clearTimeout(timer));
      if (outcome === 'dead') continue;
      if (outcome) return;
    } catch (err) {
      last = err;
    }
    await sleep(500);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms: ${(last as Error)?.message ?? 'no answer'}`);
}

/**
 * Throws, naming the port, its component and the fix, when another process already listens on one of
 * `ports` (a second stack, a leftover of an earlier run): otherwise the component would fail with an
 * obscure message in its log, or the stack would talk to someone else's server.
 */
export async function assertPortsFree(component: string, ports: number[]): Promise<void> {
  for (const port of ports) {
    const inUse = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (inUse) {
      throw new Error(
        `${component} cannot start: port ${port} on 127.0.0.1 is in use by another process. ` +
          `Stop that process (\`ss -ltnp 'sport = :${port}'\` shows it), or run with STACK_PORT_OFFSET=<n> to shift every port.`,
      );
    }
  }
}

/**
 * waitFor for a freshly started process: if it never gets ready, the process is stopped and the error
 * carries the last lines of its log, where the cause usually is.
 */
export async function waitReady(
  proc: Managed,
  what: string,
  check: () => Promise<unknown>,
  timeoutMs: number,
  logFile?: string,
): Promise<void> {
  try {
    await waitFor(what, check, timeoutMs, proc.exited);
  } catch (err) {
    await proc.stop(5000);
    const tail = logFile ? logTail(logFile) : '';
    throw new Error(`${(err as Error).message}${tail ? `\n  last lines of ${logFile}:\n${tail}` : ''}`);
  }
}

function logTail(file: string, lines = 12): string {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((l) => `    ${l}`)
      .join('\n');
  } catch {
    return '';
  }
}
