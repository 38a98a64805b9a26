// The router factory every module uses: one validation hook, so every invalid request answers 422 alike.
import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from './deps.js';
import { HttpError } from './errors.js';

export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
    const where = result.target ? ` (${result.target})` : '';
    throw new HttpError(422, 'validation_error', `Invalid request${where}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, issues);
  }
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
