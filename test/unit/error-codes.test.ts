// Every error code the codebase can answer is in the documented list (contracts/error-codes.ts), and the
// OpenAPI document carries that list: per status, each error response names the codes it can hold.
// HttpError's type already refuses an unknown code; this also catches envelopes written by hand.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../clients/ts/generate.js';
import { ERROR_CODES, ERROR_CODE_NAMES } from '../../contracts/error-codes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = ['api', 'contracts'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Codes given to HttpError, written into an `{ error: { code } }` envelope, or chosen for one in app.ts. */
function thrownCodes(source: string): string[] {
  const patterns = [/new HttpError\(\s*\d+\s*,\s*'([a-z_]+)'/g, /error:\s*\{\s*code:\s*'([a-z_]+)'/g, /const code: ErrorCode =([^;]+);/g];
  const codes: string[] = [];
  for (const re of patterns)
    for (const m of source.matchAll(re)) {
      if (re.source.startsWith('const code')) codes.push(...[...m[1]!.matchAll(/'([a-z_]+)'/g)].map((x) => x[1]!));
      else codes.push(m[1]!);
    }
  return codes;
}

describe('error codes', () => {
  const found = new Map<string, string>();
  for (const dir of SOURCES)
    for (const file of tsFiles(path.join(ROOT, dir))) for (const code of thrownCodes(readFileSync(file, 'utf8'))) found.set(code, file);

  it('finds the codes of the codebase (the scan is not vacuous)', () => {
    for (const code of ['not_found', 'validation_error', 'method_not_allowed', 'internal_error', 'dependency_unavailable'])
      expect(found.has(code), code).toBe(true);
    expect(thrownCodes("throw new HttpError(418, 'teapot', 'x')")).toEqual(['teapot']);
  });

  it('every code thrown anywhere is documented', () => {
    const undocumented = [...found]
      .filter(([code]) => !(code in ERROR_CODES))
      .map(([code, file]) => `${code} (${path.relative(ROOT, file)})`);
    expect(undocumented).toEqual([]);
  });

  it('the OpenAPI document lists every code, and per status only that status’s codes', () => {
    const doc = openApiDocument() as any;
    expect(doc.components.schemas.ErrorCode.enum).toEqual(ERROR_CODE_NAMES);
    const notFound = doc.paths['/api/v1/dataset/get_dataset_by_id'].get.responses['404'].content['application/json'].schema;
    expect(notFound.$ref).toBe('#/components/schemas/Error404');
    expect(doc.components.schemas.Error404.properties.error.properties.code.enum).toEqual(['not_found']);
    expect(doc.components.schemas.Error409.properties.error.properties.code.enum).toEqual(['conflict', 'idempotency_key_in_use']);
  });
});
