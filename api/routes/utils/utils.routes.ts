import { createRoute } from '@hono/zod-openapi';
import { HealthCheckResponse, ReadinessResponse } from '../../../contracts/utils.js';

export const healthCheck = createRoute({
  method: 'get',
  path: '/api/v1/utils/health-check/',
  tags: ['Utils'],
  summary: '4.1 Health Check',
  description: 'Liveness: the API process is up and serving.',
  responses: { 200: { description: 'Service is healthy.', content: { 'application/json': { schema: HealthCheckResponse } } } },
});

export const readiness = createRoute({
  method: 'get',
  path: '/api/v1/utils/readiness/',
  tags: ['Utils'],
  summary: 'Readiness of every dependency (not in the seed contract)',
  description: 'Checks Postgres, Temporal, S3, the Iceberg catalog and Ray; 503 when any is not ready.',
  responses: {
    200: { description: 'All dependencies ready', content: { 'application/json': { schema: ReadinessResponse } } },
    503: { description: 'At least one dependency is not ready', content: { 'application/json': { schema: ReadinessResponse } } },
  },
});
