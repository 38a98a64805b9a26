// ETag / Cache-Control for the JSON answers of GET routes (lists and details; protectedRoute adds it to every
// GET route whose 200 is JSON, so file and CSV downloads are not read whole into memory to be hashed).
// Weak ETag from the body's hash (Hono's etag middleware): a client that sends it back in If-None-Match gets a
// 304 without the body. `private`: the answer depends on the bearer token, so no shared cache may keep it;
// `no-cache`: a job's status or a list changes at any time, so a client revalidates every use (cheap with a 304).
import { createMiddleware } from 'hono/factory';
import { etag } from 'hono/etag';
import type { AppEnv } from '../deps.js';

export const CACHE_CONTROL = 'private, no-cache';

const weakEtag = etag({ weak: true });

/** The validators, for a GET route answering JSON. */
export const cacheValidators = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await weakEtag(c, next);
    if (c.res.status === 200 || c.res.status === 304) c.res.headers.set('Cache-Control', CACHE_CONTROL);
  });

/** Whether a route's 200 answer is JSON only (what cacheValidators may hash). */
export function answersJson(responses: Record<string | number, any>): boolean {
  const content = responses[200]?.content;
  return content !== undefined && Object.keys(content).length === 1 && 'application/json' in content;
}
