// The TypeScript SDK's types are generated from the app's OpenAPI document (clients/ts/generate.ts); this regenerates
// them and fails if the committed clients/ts/src/schema.d.ts differs: a changed route must come with
// `npm run clients:generate`, so the SDK (and the CLI built on it) cannot drift from the API.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument, SCHEMA_FILE, schemaSource } from '../../clients/ts/generate.js';

describe('TypeScript SDK drift', () => {
  it('the committed client types are those generated from the current OpenAPI document', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const fresh = await schemaSource();
    // On a mismatch, name the first differing line rather than dumping 7000 lines.
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    const where = at === -1 ? (a.length === b.length ? null : Math.min(a.length, b.length)) : at;
    expect(
      where,
      where === null
        ? ''
        : `clients/ts/src/schema.d.ts is stale from line ${where + 1} (committed: ${JSON.stringify(a[where])}, generated: ${JSON.stringify(b[where])}); run \`npm run clients:generate\``,
    ).toBeNull();
  });

  it('the generation sees a changed route (the check is not vacuous)', async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { summary?: string }>> };
    const changed = structuredClone(doc);
    changed.paths['/api/v1/jobs']!.get!.summary = 'renamed';
    const renamedPath = structuredClone(doc);
    renamedPath.paths['/api/v1/jobs-renamed'] = renamedPath.paths['/api/v1/jobs']!;
    delete renamedPath.paths['/api/v1/jobs'];
    const base = await schemaSource(doc);
    expect(await schemaSource(changed)).not.toBe(base);
    expect(await schemaSource(renamedPath)).not.toBe(base);
  });
});
