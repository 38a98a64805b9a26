// The fallback for models without an ONNX copy (e.g. date features, which skl2onnx cannot convert): one
// long-lived Python process (`python -m dataml_jobs.inference.serve`) that loads the joblib pipeline once
// (LRU) and predicts with it, so these models get the pipeline's own predictions without a Ray job per request.
// Started on first use; it exits when its stdin closes (the API process ending).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { jobEnvironment, type Config } from '../../config/config.js';
import type { Explanation } from '../../contracts/inference.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface PythonRow {
  prediction: unknown;
  probabilities?: Record<string, number>;
  explanation?: Explanation;
}

export interface ForecastStep {
  date: string;
  value: number;
  confidence: number | null;
  lower?: number | null;
  upper?: number | null;
}

/** How the model that answered a forecast used each covariate: its given future values, its past values only, or not. */
export interface CovariateUse {
  name: string;
  use: 'future' | 'lags' | 'none';
}

/** A point of the series before the forecast (null where its target was missing). */
export interface HistoryPoint {
  date: string;
  value: number | null;
}

/** An error the Python side answered: `code` is unknown_series, invalid (a user's mistake) or internal. */
export class PythonModelError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type Pending = { resolve: (value: any) => void; reject: (err: Error) => void };

export class PythonModels {
  private child: ChildProcessWithoutNullStreams | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly config: Config) {}

  private start(): Promise<void> {
    const child = spawn(this.config.serving.python ?? this.config.ray.python, ['-m', 'dataml_jobs.inference.serve'], {
      cwd: path.join(ROOT, 'ml'),
      // The child inherits this process's environment (PATH, locale) plus what a job is given.
      env: { ...process.env, ...jobEnvironment(this.config) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.unref();
    for (const s of [child.stdin, child.stdout, child.stderr] as unknown as Array<{ unref?: () => void }>) s.unref?.();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const lines = createInterface({ input: child.stdout });
    const ready = new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        let msg: {
          ready?: boolean;
          id?: number;
          rows?: PythonRow[];
          forecast?: ForecastStep[];
          covariates?: CovariateUse[];
          history?: HistoryPoint[];
          error?: string;
          code?: string;
        };
        try {
          msg = JSON.parse(line);
        } catch {
          return;
        }
        if (msg.ready) return resolve();
        const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
        if (!p) return;
        this.pending.delete(msg.id!);
        if (msg.error) p.reject(new PythonModelError(msg.error, msg.code ?? 'internal'));
        else
          p.resolve(
            msg.forecast ? { forecast: msg.forecast, covariates: msg.covariates ?? [], history: msg.history ?? [] } : (msg.rows ?? []),
          );
      });
      child.on('exit', (code) => {
        const err = new Error(`the Python model server exited (${code}): ${stderr.trim().split('\n').pop() ?? ''}`);
        reject(err);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        this.child = null;
        this.ready = null;
      });
      child.on('error', reject);
    });
    return ready;
  }

  private async ask<T>(request: Record<string, unknown>): Promise<T> {
    this.ready ??= this.start();
    await this.ready;
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.child!.stdin.write(`${JSON.stringify({ ...request, id })}\n`);
    return answer;
  }

  /** `explain`: each row also gets its feature contributions. */
  predict(modelKey: string, rows: Array<Record<string, unknown>>, explain = false): Promise<PythonRow[]> {
    return this.ask({ model_key: modelKey, rows, ...(explain ? { explain } : {}) });
  }

  forecast(
    modelKey: string,
    uniqueId: string,
    steps: number,
    exogenous?: Array<Record<string, unknown>>,
  ): Promise<{ forecast: ForecastStep[]; covariates: CovariateUse[]; history: HistoryPoint[] }> {
    return this.ask({ op: 'forecast', model_key: modelKey, unique_id: uniqueId, steps, ...(exogenous ? { exogenous } : {}) });
  }

  close(): void {
    this.child?.stdin.end();
    this.child = null;
    this.ready = null;
  }
}
