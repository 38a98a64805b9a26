import { context, trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';

/**
 * `traceIds`: with tracing on, every line logged inside a span (a request, an activity) carries its trace and
 * span ids, so a log search and a trace lead to each other. Off, no mixin runs per line.
 */
export function createLogger(level: string, name = 'dataml', opts: { traceIds?: boolean } = {}): Logger {
  return pino({
    name,
    level,
    // Never log secrets, even by accident.
    redact: ['req.headers.authorization', '*.password', '*.new_password', '*.refresh_token', '*.access_token'],
    ...(opts.traceIds ? { mixin: activeTraceIds } : {}),
  });
}

function activeTraceIds(): Record<string, string> {
  const span = trace.getSpan(context.active())?.spanContext();
  return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}
