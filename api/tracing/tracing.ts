// OpenTelemetry tracing of one process (the API's, the worker's): started only when an OTLP endpoint is configured
// (config.tracingEnabled). Off, no SDK module is even loaded: the global tracer stays OTel's no-op, the Hono and
// Temporal interceptors are not installed, and no async context is kept per request (docs/operations.md#tracing).
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { tracingEnabled, type Config } from '../../config/config.js';

export interface Tracing {
  /** The worker hands both to Temporal's workflow span sink (workflow code cannot reach the SDK itself). */
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Exports what is still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the process's tracer provider (W3C trace context, AsyncLocalStorage context) exporting over OTLP/HTTP
 * (JSON) in batches to the configured endpoint. The exporter, the batch processor and the resource also read OTel's
 * own variables: OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_*, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES.
 */
export async function startTracing(config: Config, serviceName: string): Promise<Tracing | undefined> {
  if (!tracingEnabled(config)) return undefined;
  const [{ NodeTracerProvider }, { BatchSpanProcessor }, { OTLPTraceExporter }, { Resource, envDetectorSync }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  // OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES (the env detector) win over the component's default name.
  const resource = Resource.default()
    .merge(new Resource({ 'service.name': serviceName }))
    .merge(envDetectorSync.detect());
  // The URL from the configuration (OTLP's rule: the traces endpoint, else the base endpoint + /v1/traces); the
  // exporter reads the headers and timeouts from OTel's variables itself.
  const t = config.tracing;
  const url = t.otlpTracesEndpoint ?? `${t.otlpEndpoint!.replace(/\/+$/, '')}/v1/traces`;
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return { spanProcessor, resource, shutdown: () => provider.shutdown() };
}
