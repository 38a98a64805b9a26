// A known path asked with a method it does not have answers 405 with `Allow` (RFC 9110 §15.5.6), not 404.
// The table is built once, from the routes registered on the app, the first time a request misses.
import type { Context } from 'hono';
import type { AppEnv } from './deps.js';

interface RouteLike {
  path: string;
  method: string;
}

function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

export function methodsByPath(routes: readonly RouteLike[]): (path: string) => string[] {
  let table: Array<{ pattern: RegExp; methods: Set<string> }> | undefined;
  return (path) => {
    table ??= (() => {
      const byPath = new Map<string, Set<string>>();
      for (const r of routes) {
        if (r.method === 'ALL') continue; // middleware
        const methods = byPath.get(r.path) ?? new Set<string>();
        methods.add(r.method.toUpperCase());
        byPath.set(r.path, methods);
      }
      return [...byPath].map(([p, methods]) => ({ pattern: patternOf(p), methods }));
    })();
    const allowed = new Set<string>();
    for (const { pattern, methods } of table) if (pattern.test(path)) for (const m of methods) allowed.add(m);
    if (allowed.has('GET')) allowed.add('HEAD'); // Hono answers HEAD with the GET route
    return [...allowed].sort();
  };
}

/** The 404 handler's answer: 405 + Allow when the path exists under other methods. */
export function notFoundOrNotAllowed(allowedFor: (path: string) => string[]) {
  return (c: Context<AppEnv>) => {
    const allowed = allowedFor(c.req.path);
    if (allowed.length && !allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '));
      return c.json(
        {
          error: { code: 'method_not_allowed', message: `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allowed.join(', ')}` },
          request_id: c.get('requestId'),
        },
        405,
      );
    }
    return c.json(
      { error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, request_id: c.get('requestId') },
      404,
    );
  };
}
