import { z } from '@hono/zod-openapi';
import { SuccessMessageResponse } from './common.js';

// 12.1 Terminate Ray Job (ray_job_id restricted to URL-safe characters: it goes into the Ray Jobs REST path)
export const TerminateRayJobQuery = z.object({
  ray_job_id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .openapi({ example: 'ray-job-abc123' }),
  usage: z.string().trim().min(1).max(64).openapi({ example: 'training' }),
});
export type TerminateRayJobQuery = z.infer<typeof TerminateRayJobQuery>;

export const TerminateRayJobResponse = SuccessMessageResponse.openapi('TerminateRayJobResponse');
export type TerminateRayJobResponse = z.infer<typeof TerminateRayJobResponse>;
