// A real OTLP/HTTP trace receiver for tests: it collects what exporters POST to /v1/traces, in either encoding
// (the Node SDK's exporter sends JSON, Python's sends protobuf, decoded with OTel's own generated proto code).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// OTel's protobuf definitions of OTLP as compiled by the exporters' own package (it has no public export of them).
const { opentelemetry } = require('@opentelemetry/otlp-transformer/build/src/generated/root.js');
const ExportTraceServiceRequest = opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** '' for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  attributes: Record<string, unknown>;
}

const hex = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : v ? Buffer.from(v as Uint8Array).toString('hex') : '');

interface OtlpValue {
  stringValue?: string;
  intValue?: unknown;
  boolValue?: boolean;
  doubleValue?: number;
}
const value = (v: OtlpValue | undefined): unknown =>
  v?.stringValue ?? (v?.intValue != null ? Number(v.intValue) : (v?.boolValue ?? v?.doubleValue));
const attributes = (list: Array<{ key: string; value?: OtlpValue }> | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.key, value(a.value)]));

/** The spans of one OTLP ExportTraceServiceRequest (as decoded protobuf or as OTLP/JSON). */
function spansOf(request: any): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const rs of request.resourceSpans ?? []) {
    const service = String(attributes(rs.resource?.attributes)['service.name'] ?? '');
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        out.push({
          service,
          traceId: hex(s.traceId),
          spanId: hex(s.spanId),
          parentSpanId: hex(s.parentSpanId),
          name: s.name,
          kind: Number(s.kind ?? 0),
          attributes: attributes(s.attributes),
        });
      }
    }
  }
  return out;
}

export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const body = Buffer.concat(chunks);
      const json = (req.headers['content-type'] ?? '').includes('json');
      try {
        if (req.url !== '/v1/traces') throw new Error(`unexpected path ${req.url}`);
        spans.push(...spansOf(json ? JSON.parse(body.toString('utf8')) : ExportTraceServiceRequest.decode(body)));
        // An empty ExportTraceServiceResponse: accepted whole.
        res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' }).end(json ? '{}' : '');
      } catch (err) {
        res.writeHead(400).end((err as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** For OTEL_EXPORTER_OTLP_ENDPOINT (exporters append /v1/traces). */
    url: `http://127.0.0.1:${port}`,
    spans,
    /** How many export requests arrived, of any kind. */
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
