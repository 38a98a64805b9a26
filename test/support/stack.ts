// What integration tests share: the configuration of the stack that `npm test` started, the app built
// against it, and a way to skip with a clear message when run outside `npm test`.
import { loadConfig, type Config } from '../../config/config.js';
import { bootstrapIdentity } from '../../api/auth/bootstrap.js';
import { buildDeps } from '../../api/build-deps.js';
import { createApp } from '../../api/app.js';
import { createLogger } from '../../api/logger.js';

/** True when `npm test` (scripts/stack.ts) started the components and exported their addresses. */
export const hasStack = Boolean(process.env.DATABASE_URL && process.env.TEMPORAL_ADDRESS && process.env.RAY_ADDRESS);

export function stackConfig(overrides: Record<string, string> = {}): Config {
  if (!hasStack) throw new Error('integration tests need the stack: run them through `npm test`');
  return loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...overrides });
}

export async function buildTestApp(overrides: Record<string, string> = {}) {
  const config = stackConfig(overrides);
  const deps = await buildDeps(config, createLogger(config.logLevel, 'dataml-test'));
  // As api/server.ts does before serving: otherwise a suite that creates users first (fixtures write through
  // repositories) would leave a database with users and no administrator, whichever suite runs first.
  await bootstrapIdentity(deps.db, config);
  const app = createApp(deps);
  /** Calls the app in-process (no socket) with JSON by default. */
  const call = (path: string, init: RequestInit & { json?: unknown; token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    return app.request(path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  return { app, deps, config, call, close: () => deps.close() };
}

/** A unique, readable suffix for names that must not collide across runs. */
export const uniq = (prefix = 't') => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
