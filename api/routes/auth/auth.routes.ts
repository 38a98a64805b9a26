import { ValidateTokenResponse } from '../../../contracts/login.js';
import { MeResponse } from '../../../contracts/me.js';
import { authenticatedRoute } from '../../auth/protected-route.js';

export const validateToken = authenticatedRoute({
  method: 'get',
  path: '/api/v1/validate-token',
  tags: ['Auth'],
  summary: '10.1 Validate Token',
  description: 'Answers 200 when the bearer token is valid, unexpired and unrevoked and its user active; 401 otherwise.',
  responses: { 200: { description: 'The token is valid', content: { 'application/json': { schema: ValidateTokenResponse } } } },
});

export const me = authenticatedRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['Auth'],
  summary: 'Who Am I (not in the seed)',
  description:
    "The caller's user, tenant, role names and permission names (a client shows only the controls the API would accept), " +
    'and, with can_read_jobs, where the Temporal UI and the Ray dashboard are.',
  responses: { 200: { description: 'The caller', content: { 'application/json': { schema: MeResponse } } } },
});
