// The web console (web/, built into web/dist by scripts/setup.sh) served at `/` from the same origin as the API:
// its files, and index.html for any other GET outside the API so the console's own routes survive a reload.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { NotFoundHandler } from 'hono';

export const CONSOLE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');
const NOT_CONSOLE = /^\/(api\/|openapi\.json|docs|health)/;

/**
 * The app's not-found handler with the console in front: a GET outside the API that no route answered gets the
 * console's file, or its index.html (a console route such as /datasets/7); everything else gets `fallback`.
 * As a not-found handler it never shadows a route, including those of routers mounted after createApp.
 */
export function withConsole(fallback: NotFoundHandler, distDir = CONSOLE_DIST): NotFoundHandler {
  // Without a build (e.g. `npm run api` before setup) non-API paths stay plain 404s.
  if (!existsSync(path.join(distDir, 'index.html'))) return fallback;
  const files = serveStatic({ root: distDir });
  const index = serveStatic({ path: path.join(distDir, 'index.html') });
  const none = async () => {};
  return async (c) => {
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !NOT_CONSOLE.test(c.req.path)) {
      const res = (await files(c, none)) ?? (await index(c, none));
      // Vite names assets by content hash, so they never change under their name; index.html must be re-read.
      res?.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (res) return res;
    }
    return fallback(c);
  };
}
