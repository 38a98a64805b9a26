// Supervision of the stack's components: one that dies is started again with backoff and a log line,
// instead of the whole stack stopping (only Ctrl-C, or the end of the tests, stops everything). The test
// control server (control-server.ts) drives the same objects to kill or hold a component down.
import { descendants, type Managed } from './process.js';

export type ComponentState = 'starting' | 'running' | 'restarting' | 'held' | 'stopping' | 'stopped';

export interface ComponentStatus {
  name: string;
  pid: number | null;
  state: ComponentState;
  restarts: number;
}

const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/** A component that ran this long before dying is restarted at the shortest delay again. */
const STABLE_AFTER_MS = 60_000;

export class Supervised {
  state: ComponentState = 'starting';
  restarts = 0;
  private proc: Managed | undefined;
  private startedAt = 0;
  private backoff = BACKOFF_MIN_MS;
  private ending = false;
  private holding: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    readonly name: string,
    /** Starts the component and resolves once it is ready (rejects, having stopped it, if it never is). */
    private readonly launch: () => Promise<Managed>,
    private readonly stopTimeoutMs: number,
    private readonly log: (line: string) => void,
  ) {}

  status(): ComponentStatus {
    return { name: this.name, pid: this.proc?.child.pid ?? null, state: this.state, restarts: this.restarts };
  }

  /** The first start: a failure here is a start-up failure, reported to the caller (no retry). */
  async start(): Promise<void> {
    this.adopt(await this.launch());
  }

  private adopt(proc: Managed): void {
    this.proc = proc;
    this.startedAt = Date.now();
    this.state = 'running';
    void proc.exited.then((code) => {
      if (this.proc !== proc || this.ending || this.state === 'held' || this.state === 'stopping') return;
      if (Date.now() - this.startedAt > STABLE_AFTER_MS) this.backoff = BACKOFF_MIN_MS;
      void this.recover(`exited unexpectedly (${describeExit(proc, code)})`);
    });
  }

  /** Restarts until it is up again, waiting longer after each failure; gives up only when the stack stops. */
  private async recover(why: string): Promise<void> {
    const old = this.proc;
    this.state = 'restarting';
    // Whatever the leader left in its process group (Ray's raylet, a job) must not hold ports or memory.
    await old?.stop(0);
    let reason = why;
    while (!this.ending && this.state === 'restarting') {
      this.log(`${this.name} ${reason}; restarting in ${(this.backoff / 1000).toFixed(0)} s (restart #${this.restarts + 1})`);
      await this.pause(this.backoff);
      this.backoff = Math.min(BACKOFF_MAX_MS, Math.max(BACKOFF_MIN_MS, this.backoff * 2));
      if (this.ending || this.state !== 'restarting') return;
      try {
        const proc = await this.launch();
        if (this.ending) {
          await proc.stop(this.stopTimeoutMs);
          return;
        }
        this.restarts += 1;
        this.adopt(proc);
        this.log(`${this.name} is back (restart #${this.restarts})`);
      } catch (err) {
        reason = `failed to restart: ${(err as Error).message.split('\n')[0]}`;
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * SIGKILL to its whole process tree, as a crash of its machine would: its process group and every descendant
   * that left it (a Ray node's job drivers run in sessions of their own and would otherwise run on, finish and
   * report after their node "died"). Supervision restarts it.
   */
  kill(): number | null {
    const pid = this.proc?.child.pid ?? null;
    if (pid !== null && this.state === 'running') {
      const tree = descendants(pid);
      for (const target of [-pid, ...tree]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    return pid;
  }

  /**
   * Stops it as an operator would (its stop signal), keeps it down for `seconds`, then starts it again.
   * Resolves once it is down; the restart happens in the background.
   */
  async hold(seconds: number): Promise<void> {
    if (this.state !== 'running' || this.holding) throw new Error(`${this.name} is ${this.holding ? 'already held down' : this.state}`);
    this.state = 'held';
    this.log(`${this.name} stopped on request; starting it again in ${seconds} s`);
    await this.proc?.stop(this.stopTimeoutMs);
    this.holding = (async () => {
      await this.pause(seconds * 1000);
      this.holding = undefined;
      if (this.ending) return;
      this.state = 'restarting';
      this.backoff = 0; // first attempt at once, then the usual backoff
      await this.recover('held down');
      this.backoff = BACKOFF_MIN_MS;
    })();
  }

  /** Stops it for good (stack shutdown). */
  async stop(): Promise<void> {
    this.ending = true;
    this.state = 'stopping';
    this.wake?.();
    await this.proc?.stop(this.stopTimeoutMs);
    this.state = 'stopped';
  }
}

function describeExit(proc: Managed, code: number | null): string {
  const signal = proc.child.signalCode;
  return signal ? `signal ${signal}` : `code ${code}`;
}
