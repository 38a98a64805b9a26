// The web console (web/, built into web/dist by scripts/setup.sh) served at `/` from the same origin as the API:
// its files, and index.html for any other GET outside the API so the console's own routes survive a reload.
// Registered after every route, as middleware: it sees only requests no route answered, and never API paths.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export const CONSOLE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');
const NOT_CONSOLE = /^\/(api\/|openapi\.json|docs|health)/;

export function mountConsole(app: Hono<any>, distDir = CONSOLE_DIST): void {
  // Without a build (e.g. `npm run api` before setup) non-API paths stay plain 404s.
  if (!existsSync(path.join(distDir, 'index.html'))) return;
  const files = serveStatic({
    root: distDir,
    // Vite names assets by content hash: they never change under their name.
    onFound: (file, c) => {
      c.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = serveStatic({ path: path.join(distDir, 'index.html'), onFound: (_f, c) => c.header('Cache-Control', 'no-cache') });
  app.use('*', async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || NOT_CONSOLE.test(c.req.path)) return next();
    return files(c, async () => {
      const res = await index(c, next);
      if (res) c.res = res;
    });
  });
}
