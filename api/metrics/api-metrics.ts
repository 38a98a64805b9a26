// The API process's metrics: HTTP requests by route template, real-time inference and the model cache, the
// Postgres pool. Built in build-deps.ts; handlers never touch it (the app-wide middleware observes requests).
import type { Context } from 'hono';
import { routePath } from 'hono/route';
import type { Kysely } from 'kysely';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Database } from '../../db/database.js';
import type { MetricsSource } from './metrics-endpoint.js';
import { createRegistry, observePool } from './registry.js';

/** Seconds; from the ~100 µs of a cached read to the multi-second upload. */
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const INFERENCE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export class ApiMetrics {
  readonly registry: Registry;
  /** What /metrics serves: this process's registry, or in an API cluster the sum of its processes (api/cluster.ts). */
  source: MetricsSource;
  /** Its _count is the request counter: one series per route template, method and status. */
  private readonly http: Histogram<'route' | 'method' | 'status'>;
  /** prom-client hashes the label values on each observe; the per-series child is looked up once instead. */
  private readonly httpSeries = new Map<string, { observe(v: number): void }>();
  readonly inference: Histogram<'engine'>;
  readonly modelCache: Counter<'result'>;

  constructor(db?: Kysely<Database>, registry = createRegistry('dataml-api')) {
    this.registry = registry;
    this.source = registry;
    this.http = new Histogram({
      name: 'dataml_http_request_duration_seconds',
      help: 'HTTP requests by route template (not the raw URL), method and status: latency in seconds',
      labelNames: ['route', 'method', 'status'],
      buckets: HTTP_BUCKETS,
      registers: [registry],
    });
    this.inference = new Histogram({
      name: 'dataml_inference_duration_seconds',
      help: 'Real-time and forecast predictions: time in the model (onnx, python), in seconds',
      labelNames: ['engine'],
      buckets: INFERENCE_BUCKETS,
      registers: [registry],
    });
    this.modelCache = new Counter({
      name: 'dataml_model_cache_lookups_total',
      help: 'ONNX session cache lookups of real-time inference: hit (loaded) or miss (read from S3 and loaded)',
      labelNames: ['result'],
      registers: [registry],
    });
    if (db) observePool(registry, db);
  }

  /** One finished request. The route is the matched template; requests matching no route share one series. */
  observeRequest(c: Context, seconds: number): void {
    // The last matched entry is the handler (app-wide middleware is registered before the routers); a request
    // that matched none ends on the '*' middleware.
    const path = routePath(c, -1);
    const route = path === '*' || path === '/*' || !path ? 'unmatched' : path;
    const key = `${c.req.method} ${c.res.status} ${route}`;
    let series = this.httpSeries.get(key);
    if (!series) {
      series = this.http.labels(route, c.req.method, String(c.res.status));
      this.httpSeries.set(key, series);
    }
    series.observe(seconds);
  }

  /** Times `run` into the inference histogram under `engine`. */
  async timeInference<T>(engine: string, run: () => Promise<T>): Promise<T> {
    const end = this.inference.startTimer({ engine });
    try {
      return await run();
    } finally {
      end();
    }
  }
}
