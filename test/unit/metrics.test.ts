// Metrics that need no stack: the model cache's hit/miss counts, the scrape token, terminal job statuses only.
import { readFileSync } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { JobMetrics } from '../../activities/job-metrics.js';
import { ApiMetrics } from '../../api/metrics/api-metrics.js';
import { createRegistry } from '../../api/metrics/registry.js';
import { metricsAuthorized } from '../../api/metrics/metrics-endpoint.js';
import { OnnxModels } from '../../api/serving/onnx-models.js';
import { sample } from '../support/prometheus.js';

describe('metrics', () => {
  it('counts a model cache miss on first use and hits afterwards', async () => {
    const metrics = new ApiMetrics(undefined, new Registry());
    // A load that never finishes: the session stays cached as a pending load, as during a slow first request.
    const s3 = { send: () => new Promise(() => {}) } as unknown as S3Client;
    const onnx = new OnnxModels(s3, 'bucket', 4, metrics.modelCache);
    void onnx.session('tenants/t/models/1/v1/model.onnx');
    void onnx.session('tenants/t/models/1/v1/model.onnx');
    void onnx.session('tenants/t/models/1/v1/model.onnx');
    const text = await metrics.registry.metrics();
    expect(sample(text, 'dataml_model_cache_lookups_total', { result: 'miss' })).toBe(1);
    expect(sample(text, 'dataml_model_cache_lookups_total', { result: 'hit' })).toBe(2);
  });

  it('accepts a scrape without a token only when none is configured', () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    expect(metricsAuthorized('s3cret', undefined)).toBe(false);
    expect(metricsAuthorized('s3cret', 'Bearer wrong!')).toBe(false);
    expect(metricsAuthorized('s3cret', 'Bearer s3cret')).toBe(true);
  });

  it('counts only terminal job statuses as finished', async () => {
    const jobs = new JobMetrics(new Registry());
    const created = new Date(Date.now() - 5000);
    jobs.statusChanged('train', 'Running', created);
    jobs.statusChanged('train', 'Completed', created);
    jobs.statusChanged('train', 'Cancelled', created);
    const text = await jobs.registry.metrics();
    expect(sample(text, 'dataml_jobs_finished_total', { kind: 'train' })).toBe(2);
    expect(sample(text, 'dataml_jobs_finished_total', { kind: 'train', outcome: 'cancelled' })).toBe(1);
    expect(sample(text, 'dataml_job_duration_seconds_sum', { kind: 'train', outcome: 'succeeded' })).toBeGreaterThanOrEqual(5);
  });

  it('draws the Grafana dashboard only from metrics the API and the worker export', async () => {
    const api = new ApiMetrics(undefined, createRegistry('dataml-api'));
    const worker = new JobMetrics(createRegistry('dataml-worker'));
    const text = (await api.registry.metrics()) + (await worker.registry.metrics());
    const exported = new Set(
      [...text.matchAll(/^# TYPE (\w+) (\w+)/gm)].flatMap(([, name, type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name!],
      ),
    );
    // The pool gauge is registered only with a database; its name is checked by the integration test.
    exported.add('dataml_pg_pool_connections');
    const dashboard = JSON.parse(readFileSync(new URL('../../deploy/grafana/dashboards/dataml.json', import.meta.url), 'utf8')) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const used = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => [...t.expr.matchAll(/\b(dataml_\w+|nodejs_\w+|process_\w+)/g)].map((m) => m[1]!)),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !exported.has(name))).toEqual([]);
  });
});
