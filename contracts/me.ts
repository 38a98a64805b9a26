import { z } from '@hono/zod-openapi';
import { UserResponse } from './users.js';

// GET /api/v1/me (not in the seed, issue #12): who the caller is and what they may do, so that a client (the web
// console) shows only the controls the API would accept. Tokens carry no permissions (docs/identity.md).

export const MeLinks = z
  .object({
    temporal_ui: z.string().openapi({ description: 'Temporal Web UI root', example: 'http://127.0.0.1:8233' }),
    temporal_namespace: z.string().openapi({ example: 'default' }),
    ray_dashboard: z.string().openapi({ description: 'Ray dashboard root', example: 'http://127.0.0.1:8265' }),
  })
  .openapi('MeLinks');

export const MeResponse = UserResponse.extend({
  roles: z.array(z.string()).openapi({ example: ['data_scientist'] }),
  permissions: z.array(z.string()).openapi({ example: ['can_read_datasets', 'can_upload_dataset'] }),
  links: MeLinks.nullable().openapi({
    description: "Where the job dashboards are (deep links to a job's workflow and Ray job); null without can_read_jobs",
  }),
}).openapi('MeResponse');
export type MeResponse = z.infer<typeof MeResponse>;
