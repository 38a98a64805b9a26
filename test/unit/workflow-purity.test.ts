// Workflows run in Temporal's deterministic sandbox: no Node built-ins, no I/O modules, and from
// activities/ or api/ only types. This is the lint the layout asks for, as a test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const importLine = /^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;

const ALLOWED_VALUE_IMPORTS = [/^@temporalio\/workflow$/, /^@temporalio\/common$/, /^\.\/[\w-]+\.js$/];

describe('workflow code', () => {
  it.each(files)('%s imports only deterministic code', (file) => {
    const src = readFileSync(path.join(dir, file), 'utf8');
    const problems: string[] = [];
    for (const m of src.matchAll(importLine)) {
      const [, typeOnly, spec] = m;
      if (typeOnly) continue; // erased at compile time
      if (!ALLOWED_VALUE_IMPORTS.some((re) => re.test(spec!))) problems.push(spec!);
    }
    expect(problems, `value imports not allowed in workflows (use "import type")`).toEqual([]);
    expect(src).not.toMatch(/\b(setTimeout|setInterval|setImmediate)\s*\(|\bprocess\./);
  });
});
