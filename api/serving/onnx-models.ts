// The ONNX copies of models, run in the API process with onnxruntime-node. Sessions are loaded from S3 once
// and kept in an LRU cache keyed by the model version's ONNX object key (tenants/<t>/models/<id>/v<n>/model.onnx,
// immutable once written); concurrent first requests share one load.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import * as ort from 'onnxruntime-node';
import type { Counter } from 'prom-client';
import type { ModelFeature, TypedRow } from './features.js';

export interface RawPrediction {
  /** Class index (classification) or value (regression). */
  label: number;
  /** Class probabilities in class-index order (classification). */
  probabilities: number[] | null;
}

interface Waiting {
  row: TypedRow;
  resolve: (p: RawPrediction) => void;
  reject: (err: unknown) => void;
}

export class OnnxModels {
  private readonly sessions = new Map<string, Promise<ort.InferenceSession>>();
  /** Rows waiting for the next run of their model, per model key (micro-batching). */
  private readonly queues = new Map<string, { features: readonly ModelFeature[]; classification: boolean; rows: Waiting[] }>();

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    readonly capacity = 64,
    /** Counts lookups by result (hit, miss): a low hit rate means the cache is smaller than the working set. */
    private readonly lookups?: Pick<Counter<'result'>, 'inc'>,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  has(key: string): boolean {
    return this.sessions.has(key);
  }

  session(key: string): Promise<ort.InferenceSession> {
    const hit = this.sessions.get(key);
    this.lookups?.inc({ result: hit ? 'hit' : 'miss' });
    if (hit) {
      // Map order is the LRU order: move to the end.
      this.sessions.delete(key);
      this.sessions.set(key, hit);
      return hit;
    }
    const loading = this.load(key);
    this.sessions.set(key, loading);
    loading.catch(() => this.sessions.get(key) === loading && this.sessions.delete(key));
    while (this.sessions.size > this.capacity) {
      const [oldest, s] = this.sessions.entries().next().value as [string, Promise<ort.InferenceSession>];
      this.sessions.delete(oldest);
      void s.then((x) => x.release()).catch(() => undefined);
    }
    return loading;
  }

  private async load(key: string): Promise<ort.InferenceSession> {
    const obj = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const bytes = await obj.Body!.transformToByteArray();
    // One thread per run: single rows gain nothing from more, and the API shares its cores.
    return ort.InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  }

  /** Releases every loaded session (the API is stopping). */
  async close(): Promise<void> {
    const loaded = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(loaded.map((s) => s.then((x) => x.release()).catch(() => undefined)));
  }

  /**
   * One row, run together with the other rows that arrive for the same model in the same event-loop turn:
   * a run costs about the same for 1 and for 30 rows, so concurrent requests share it (rows are independent:
   * every graph node works row by row, so a row's result does not depend on its batch).
   */
  predict(key: string, features: readonly ModelFeature[], row: TypedRow, classification: boolean): Promise<RawPrediction> {
    return new Promise<RawPrediction>((resolve, reject) => {
      let q = this.queues.get(key);
      if (!q) {
        q = { features, classification, rows: [] };
        this.queues.set(key, q);
        setImmediate(() => this.flush(key));
      }
      q.rows.push({ row, resolve, reject });
    });
  }

  private flush(key: string): void {
    const q = this.queues.get(key);
    this.queues.delete(key);
    if (!q) return;
    this.run(
      key,
      q.features,
      q.rows.map((w) => w.row),
      q.classification,
    ).then(
      (out) => {
        for (const [i, w] of q.rows.entries()) w.resolve(out[i]!);
      },
      (err) => {
        for (const w of q.rows) w.reject(err);
      },
    );
  }

  /** Runs rows through the graph: one [n, 1] tensor per feature (float32 numbers, strings), as exported. */
  async run(key: string, features: readonly ModelFeature[], rows: TypedRow[], classification: boolean): Promise<RawPrediction[]> {
    const session = await this.session(key);
    const n = rows.length;
    const feeds: Record<string, ort.Tensor> = {};
    for (const f of features) {
      if (f.kind === 'numeric') {
        const a = new Float32Array(n);
        for (let i = 0; i < n; i++) a[i] = rows[i]![f.column_name] as number;
        feeds[f.column_name] = new ort.Tensor('float32', a, [n, 1]);
      } else {
        feeds[f.column_name] = new ort.Tensor(
          'string',
          rows.map((r) => String(r[f.column_name] ?? '')),
          [n, 1],
        );
      }
    }
    const out = await session.run(feeds);
    const first = out[session.outputNames[0]!]!;
    if (!classification) {
      const v = first.data as Float32Array;
      return Array.from({ length: n }, (_, i) => ({ label: v[i]!, probabilities: null }));
    }
    const labels = first.data as BigInt64Array | Int32Array;
    const probs = out[session.outputNames[1]!]!;
    const k = probs.dims[1]!;
    const p = probs.data as Float32Array;
    return Array.from({ length: n }, (_, i) => ({
      label: Number(labels[i]!),
      probabilities: Array.from(p.subarray(i * k, (i + 1) * k)),
    }));
  }
}
