import { z } from '@hono/zod-openapi';

export const HealthCheckResponse = z
  .object({ status: z.literal('ok'), message: z.string() })
  .openapi('HealthCheckResponse', { example: { status: 'ok', message: 'Service is healthy.' } });

const DependencyState = z.object({ ready: z.boolean(), latency_ms: z.number(), detail: z.string().optional() });

export const ReadinessResponse = z
  .object({
    status: z.enum(['ready', 'degraded']),
    dependencies: z.object({
      postgres: DependencyState,
      temporal: DependencyState,
      s3: DependencyState,
      catalog: DependencyState,
      ray: DependencyState,
    }),
  })
  .openapi('ReadinessResponse');
export type ReadinessResponse = z.infer<typeof ReadinessResponse>;
