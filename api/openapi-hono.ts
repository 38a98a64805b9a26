// The router factory every module uses: one validation hook, so every invalid request answers 422 alike.
import { OpenAPIHono, type Hook, z } from '@hono/zod-openapi';
import { ErrorResponse, errorEnvelope } from '../contracts/common.js';
import { codesForStatus, ErrorCodeSchema } from '../contracts/error-codes.js';
import type { AppEnv } from './deps.js';
import { HttpError } from './errors.js';

export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
    const where = result.target ? ` (${result.target})` : '';
    throw new HttpError(
      422,
      'validation_error',
      `Invalid request${where}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

const errorContent = { 'application/json': { schema: ErrorResponse } };
const errorResponse = (description: string) => ({ description, content: errorContent });

/** The error envelope whose `code` lists only the codes that come with `status` (contracts/error-codes.ts). */
const statusErrorSchemas = new Map<number, z.ZodType>();
function errorSchemaFor(status: number): z.ZodType {
  let schema = statusErrorSchemas.get(status);
  if (!schema) {
    schema = errorEnvelope(z.enum(codesForStatus(status))).openapi(`Error${status}`);
    statusErrorSchemas.set(status, schema);
  }
  return schema;
}

/** Every error response of `responses` answered with the envelope of its status (its possible codes listed). */
function withStatusCodes(responses: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [status, response] of Object.entries(responses)) {
    const json = response?.content?.['application/json'];
    out[status] =
      Number(status) >= 400 && json?.schema === ErrorResponse
        ? { ...response, content: { ...response.content, 'application/json': { ...json, schema: errorSchemaFor(Number(status)) } } }
        : response;
  }
  return out;
}

/**
 * Documents, on every operation of the app, the error statuses the shared machinery can answer, so that
 * `/openapi.json` lists every status a client can get (the schema fuzz checks it) without each route
 * repeating them. A route's own description of a status wins. Call once, after every router is mounted.
 */
export function documentCommonErrors(app: OpenAPIHono<any, any, any>): void {
  // The full list of codes and the generic envelope, even though every response refers to its status's subset.
  app.openAPIRegistry.register('ErrorCode', ErrorCodeSchema);
  app.openAPIRegistry.register('ErrorResponse', ErrorResponse);
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const route = def.route;
    const method = route.method.toUpperCase();
    const request = route.request ?? {};
    const hasInput = Boolean(request.params || request.query || request.headers || request.body);
    const secured = Boolean(route.security?.length);
    const common: Record<number, ReturnType<typeof errorResponse>> = {
      400: errorResponse('Malformed request (unreadable body or parameters)'),
    };
    if (hasInput) common[422] = errorResponse('Invalid parameters or body; `details` names each field');
    if (request.body) {
      common[413] = errorResponse('Request body too large');
      common[415] = errorResponse('Unsupported Content-Type for the body');
    }
    if (secured && hasInput) common[404] = errorResponse('A resource the request names does not exist in your tenant');
    if (secured && method !== 'GET') common[409] = errorResponse('The resource is not in a state that allows this');
    // Everything but the liveness probe needs a dependency (at least Postgres) and answers 503 while it is down.
    if (route.path !== '/api/v1/utils/health-check/') common[503] = errorResponse('A dependency is unavailable; retry after Retry-After');
    def.route = { ...route, responses: withStatusCodes({ ...common, ...route.responses }) };
  }
}
