// Prints which contract endpoints (contracts/endpoints.json) the app does not serve yet, as the
// NOT_YET_BUILT entries of test/unit/contract-coverage.test.ts:  node --import tsx scripts/contract-routes.ts
import { readFileSync } from 'node:fs';
import { createApp, OPENAPI_INFO } from '../api/app.js';
import type { AppDeps } from '../api/deps.js';
import { createLogger } from '../api/logger.js';
import { loadConfig } from '../config/config.js';

const app = createApp({ config: loadConfig({}), log: createLogger('silent') } as unknown as AppDeps);
const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO });
const have = new Set<string>();
for (const [p, ops] of Object.entries(doc.paths ?? {})) for (const m of Object.keys(ops as object)) have.add(`${m.toUpperCase()} ${p}`);
const issueOf: Record<string, number> = { '6': 4, '7': 4, '11': 4, '8': 5, '12': 5, '9': 6 };
const eps = JSON.parse(readFileSync(new URL('../contracts/endpoints.json', import.meta.url), 'utf8')).endpoints as {
  section: string;
  method: string;
  path: string;
}[];
for (const e of eps) {
  const key = `${e.method} ${e.path}`;
  if (have.has(key)) continue;
  const issue = e.section === '10.5' ? 5 : (issueOf[e.section.split('.')[0]!] ?? 0);
  console.log(`  '${key}': ${issue},`);
}
