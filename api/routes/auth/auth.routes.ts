import { ValidateTokenResponse } from '../../../contracts/login.js';
import { authenticatedRoute } from '../../auth/protected-route.js';

export const validateToken = authenticatedRoute({
  method: 'get',
  path: '/api/v1/validate-token',
  tags: ['Auth'],
  summary: '10.1 Validate Token',
  description: 'Answers 200 when the bearer token is valid, unexpired and unrevoked and its user active; 401 otherwise.',
  responses: { 200: { description: 'The token is valid', content: { 'application/json': { schema: ValidateTokenResponse } } } },
});
