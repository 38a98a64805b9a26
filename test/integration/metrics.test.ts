// Prometheus metrics on the real stack: the API's /metrics moves with requests (by route template), the
// worker's with jobs and Ray submissions, and the pool gauges are there. A metrics token guards the scrape.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobMetrics } from '../../activities/job-metrics.js';
import { serveMetrics } from '../../api/metrics/metrics-endpoint.js';
import { createRegistry } from '../../api/metrics/registry.js';
import { adminSession } from '../support/identity.js';
import { probeInput, startProbe } from '../support/probe.js';
import { sample } from '../support/prometheus.js';
import { buildTestApp } from '../support/stack.js';
import { startInProcessWorker } from '../support/worker.js';

const TOKEN = 'metrics-test-token';

describe('Prometheus metrics', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let workerMetrics: Server;
  let workerUrl: string;
  beforeAll(async () => {
    t = await buildTestApp({ METRICS_TOKEN: TOKEN });
    const registry = createRegistry('dataml-worker');
    worker = await startInProcessWorker(t.config, new JobMetrics(registry));
    workerMetrics = await serveMetrics(registry, { host: '127.0.0.1', port: 0, token: TOKEN });
    workerUrl = `http://127.0.0.1:${(workerMetrics.address() as AddressInfo).port}/metrics`;
  });
  afterAll(async () => {
    workerMetrics?.close();
    await worker?.stop();
    await t?.close();
  });

  const apiMetrics = async () => {
    const res = await t.call('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };
  const workerText = async () => {
    const res = await fetch(workerUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('refuses a scrape without the configured token, on the API and on the worker', async () => {
    expect((await t.call('/metrics')).status).toBe(401);
    expect((await t.call('/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(workerUrl)).status).toBe(401);
  });

  it('counts requests by route template, method and status, not by raw URL', async () => {
    const count = 'dataml_http_request_duration_seconds_count';
    const health = { route: '/api/v1/utils/health-check/', method: 'GET', status: '200' };
    const byId = { route: '/api/v1/users/:user_id', method: 'GET', status: '404' };
    const before = await apiMetrics();
    for (let i = 0; i < 3; i++) expect((await t.call('/api/v1/utils/health-check/')).status).toBe(200);
    const { token } = await adminSession(t.deps);
    // Two different ids, one series: the template is the label.
    for (const id of [987_654_321, 987_654_322]) {
      expect((await t.call(`/api/v1/users/${id}`, { token })).status).toBe(404);
    }
    // Under /api/: other unknown paths are the web console's (its SPA answers them).
    expect((await t.call('/api/v1/no/such/route')).status).toBe(404);
    const after = await apiMetrics();

    expect(sample(after, count, health) - sample(before, count, health)).toBe(3);
    expect(sample(after, count, byId) - sample(before, count, byId)).toBe(2);
    expect(sample(after, count, { route: 'unmatched', status: '404' }) - sample(before, count, { route: 'unmatched', status: '404' })).toBe(
      1,
    );
    expect(after).not.toContain('987654321');
    // Latency buckets are cumulative: every health check is in the +Inf bucket.
    const inf = { ...health, le: '+Inf' };
    expect(sample(after, 'dataml_http_request_duration_seconds_bucket', inf)).toBe(sample(after, count, health));
    // The pool gauges and the process metrics are there.
    expect(sample(after, 'dataml_pg_pool_connections', { state: 'max' })).toBe(10);
    expect(sample(after, 'dataml_pg_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(after).toContain('process_cpu_user_seconds_total');
  });

  it('counts jobs by kind and outcome with their durations, and Ray submissions and failures', async () => {
    const kind = { kind: 'lake_probe' };
    const before = await workerText();
    const ok = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 5 }));
    await ok.result();
    const crash = await startProbe(t.deps.temporal, t.config, probeInput({ failMode: 'crash' }));
    await expect(crash.result()).rejects.toThrow();
    const after = await workerText();
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);

    expect(delta('dataml_jobs_started_total', kind)).toBe(2);
    expect(delta('dataml_jobs_finished_total', { ...kind, outcome: 'succeeded' })).toBe(1);
    expect(delta('dataml_jobs_finished_total', { ...kind, outcome: 'failed' })).toBe(1);
    expect(delta('dataml_job_duration_seconds_count', kind)).toBe(2);
    expect(delta('dataml_job_duration_seconds_sum', kind)).toBeGreaterThan(0);
    expect(delta('dataml_ray_job_submissions_total', { job: 'lake_probe' })).toBe(2);
    expect(delta('dataml_ray_job_failures_total', { job: 'lake_probe', status: 'FAILED' })).toBe(1);
  });
});
