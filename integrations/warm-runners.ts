// The warm runners (ml/dataml_jobs/warm/): long-lived Ray actors per job type that run small job steps without a
// Ray job each. This client starts the Python driver that talks to them (one per worker process, on a free
// local port, ended with the worker: its stdin closes) and starts it again whenever it exited.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Config } from '../config/config.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export type WarmStepState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED' | 'MISSING';

export interface WarmStepStatus {
  status: WarmStepState;
  /** The step process's exit code (negative: the signal that killed it). */
  exit_code?: number;
  /** Its output on the Ray node: `<ray session>/logs/dataml-steps/<submission id>.log`. */
  log: string;
}

export interface WarmStepSpec {
  job: string;
  submission_id: string;
  workflow_id: string;
  input_b64?: string;
  input_s3_key?: string;
  env: Record<string, string>;
}

/** The driver or a runner did not answer: the activity retries (the call is idempotent). */
export class WarmRunnerUnavailableError extends Error {}

/** How long the driver may take to join the cluster; and a first step, to start its runner and imports. */
const START_TIMEOUT_MS = 150_000;
const CALL_TIMEOUT_MS = 40_000;

export class WarmRunners {
  private child: ChildProcessWithoutNullStreams | null = null;
  private base: Promise<string> | null = null;

  constructor(private readonly config: Config) {}

  /** Whether a step of this size goes to a warm runner (the rule: docs/jobs.md). */
  get enabled(): boolean {
    return this.config.ray.warmRunners === 'on' && Boolean(this.config.ray.gcsAddress);
  }

  private driver(): Promise<string> {
    if (this.base) return this.base;
    const child = spawn(
      this.config.serving.python ?? this.config.ray.python,
      [
        '-m',
        'dataml_jobs.warm.driver',
        '--gcs-address',
        this.config.ray.gcsAddress!,
        '--max-steps',
        String(this.config.ray.warmRunnerMaxSteps),
      ],
      // Not the repository root, whose folders (test/, coverage/) would shadow Python modules of the same name.
      { cwd: path.join(ROOT, 'ml'), env: { ...process.env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.unref();
    for (const s of [child.stdin, child.stdout, child.stderr] as unknown as Array<{ unref?: () => void }>) s.unref?.();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    this.base = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new WarmRunnerUnavailableError(`the warm runners' driver did not start in ${START_TIMEOUT_MS / 1000} s`));
        child.kill('SIGKILL');
      }, START_TIMEOUT_MS);
      timer.unref();
      createInterface({ input: child.stdout }).on('line', (line) => {
        try {
          const { port } = JSON.parse(line) as { port?: number };
          if (port) {
            clearTimeout(timer);
            resolve(`http://127.0.0.1:${port}`);
          }
        } catch {
          /* not the ready line */
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new WarmRunnerUnavailableError(`the warm runners' driver exited (${code}): ${stderr.trim().split('\n').pop() ?? ''}`));
        if (this.child === child) {
          this.child = null;
          this.base = null;
        }
      });
    });
    this.base.catch(() => {});
    return this.base;
  }

  private async call<T>(method: 'GET' | 'POST', route: string, body?: unknown, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    const base = await this.driver();
    let res: Response;
    try {
      res = await fetch(`${base}${route}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new WarmRunnerUnavailableError(`warm runners' driver: ${(err as Error).message}`, { cause: err });
    }
    const json = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (res.status === 503) throw new WarmRunnerUnavailableError(json.error ?? 'warm runner unavailable');
    if (!res.ok) throw new Error(`warm runners' driver ${method} ${route}: ${res.status} ${json.error ?? ''}`);
    return json;
  }

  /** Idempotent: a submission id the runner knows starts nothing. */
  start(spec: WarmStepSpec): Promise<{ created: boolean; log: string }> {
    return this.call('POST', '/steps', spec, START_TIMEOUT_MS);
  }

  get(job: string, submissionId: string): Promise<WarmStepStatus> {
    return this.call('GET', `/steps/${encodeURIComponent(submissionId)}?job=${encodeURIComponent(job)}`);
  }

  async logs(job: string, submissionId: string): Promise<string> {
    return (await this.call<{ logs: string }>('GET', `/steps/${encodeURIComponent(submissionId)}/logs?job=${encodeURIComponent(job)}`))
      .logs;
  }

  /** Stops the step (SIGTERM, then SIGKILL) and returns once it ended; false if it was not running. */
  async stop(job: string, submissionId: string): Promise<boolean> {
    return (await this.call<{ stopped: boolean }>('POST', `/steps/${encodeURIComponent(submissionId)}/stop?job=${encodeURIComponent(job)}`))
      .stopped;
  }

  /** The runner actor of a job type: its pid, running steps, recycles (for drills and diagnosis). */
  runner(job: string): Promise<{ pid: number; running: string[]; recycles: number; server_pid: number; log_dir: string }> {
    return this.call('GET', `/runners/${encodeURIComponent(job)}`, undefined, START_TIMEOUT_MS);
  }

  close(): void {
    this.child?.kill('SIGTERM');
    this.child = null;
    this.base = null;
  }
}
