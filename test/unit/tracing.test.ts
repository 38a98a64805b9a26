// Tracing's switch (config.tracingEnabled, api/tracing/tracing.ts): off unless an OTLP endpoint is configured, and
// then no SDK is registered (OTel's no-op tracer records nothing) and Ray jobs get no OTel variables; on, the
// process's spans reach a real OTLP/HTTP receiver with the component's service name. One file, one process: the
// "off" test runs before the provider is registered by the "on" test.
import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobEnvironment, loadConfig, tracingEnabled } from '../../config/config.js';
import { startTracing } from '../../api/tracing/tracing.js';
import { startOtlpReceiver } from '../support/otlp-receiver.js';

describe('tracing', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver?.close());

  it('is off without an endpoint, or when OTel is told off: no SDK registered, no OTel variables for jobs', async () => {
    const off = [
      {},
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SDK_DISABLED: 'true' },
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`, OTEL_TRACES_EXPORTER: 'none' },
    ];
    for (const env of off) {
      const config = loadConfig(env);
      expect(tracingEnabled(config), JSON.stringify(env)).toBe(false);
      expect(await startTracing(config, 'dataml-unit')).toBeUndefined();
      expect(Object.keys(jobEnvironment(config)).filter((k) => k.startsWith('OTEL_'))).toEqual([]);
    }
    const span = trace.getTracer('unit').startSpan('not recorded');
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(receiver.requests).toBe(0);
  });

  it('is on with an endpoint: spans are exported over OTLP, and Ray jobs are handed the endpoint', async () => {
    const config = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_HEADERS: 'x-team=ml' });
    expect(tracingEnabled(config)).toBe(true);
    expect(jobEnvironment(config)).toMatchObject({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_HEADERS: 'x-team=ml' });
    const tracing = await startTracing(config, 'dataml-unit');
    expect(tracing).toBeDefined();
    const parent = trace.getTracer('unit').startSpan('parent');
    expect(parent.isRecording()).toBe(true);
    parent.end();
    await tracing!.shutdown(); // exports what the batch holds
    const got = receiver.spans.find((s) => s.name === 'parent');
    expect(got).toMatchObject({ service: 'dataml-unit', traceId: parent.spanContext().traceId, parentSpanId: '' });
  });
});
