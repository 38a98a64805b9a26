// Every endpoint of the seed contract (../shared/api/endpoints.json, copied to contracts/endpoints.json)
// is served by the app and documented in its OpenAPI document, except the ones listed as not yet built
// (each names its issue). The list must shrink: a listed endpoint that now exists fails the test too.
// `node --import tsx scripts/contract-routes.ts` prints the current list.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, OPENAPI_INFO } from '../../api/app.js';
import type { AppDeps } from '../../api/deps.js';
import { createLogger } from '../../api/logger.js';
import { loadConfig } from '../../config/config.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
type Endpoint = { section: string; method: string; path: string };
const ours = JSON.parse(readFileSync(path.join(ROOT, 'contracts/endpoints.json'), 'utf8')) as { endpoints: Endpoint[] };
const sharedFile = path.join(ROOT, '../shared/api/endpoints.json');

/** Endpoints whose module has not landed yet: "METHOD path" → the issue that builds it. */
const NOT_YET_BUILT: Record<string, number> = {};

function appRoutes() {
  // Building the app needs no live connection: the deps are only used by handlers.
  const app = createApp({ config: loadConfig({}), log: createLogger('silent') } as unknown as AppDeps);
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO });
  const documented = new Set<string>();
  for (const [p, ops] of Object.entries(doc.paths ?? {}))
    for (const m of Object.keys(ops as object)) documented.add(`${m.toUpperCase()} ${p}`);
  const served = new Set(app.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
  return { documented, served };
}

describe('contract coverage', () => {
  it('uses the same endpoint list as shared/api', () => {
    if (!existsSync(sharedFile)) return; // a clone without shared/ beside it
    expect(JSON.parse(readFileSync(sharedFile, 'utf8')).endpoints).toEqual(ours.endpoints);
    expect(ours.endpoints).toHaveLength(56);
  });

  it('serves and documents every contract endpoint that is built, and none of the pending ones', () => {
    const { documented, served } = appRoutes();
    const missing: string[] = [];
    const nowBuilt: string[] = [];
    for (const e of ours.endpoints) {
      const key = `${e.method} ${e.path}`;
      const has = documented.has(key) && served.has(key);
      if (key in NOT_YET_BUILT) {
        if (has) nowBuilt.push(`${e.section} ${key}`);
      } else if (!has) {
        missing.push(`${e.section} ${key} (documented: ${documented.has(key)}, served: ${served.has(key)})`);
      }
    }
    expect(missing, 'contract endpoints missing from the app').toEqual([]);
    expect(nowBuilt, 'built now: remove them from NOT_YET_BUILT').toEqual([]);
  });
});
