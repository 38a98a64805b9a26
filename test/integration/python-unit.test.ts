// The Python package's own tests (ml/tests: validate, statistics, train, ...) run from vitest, so `npm test` covers them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PYTHON = path.join(ROOT, 'ml/.venv/bin/python');

describe.skipIf(!existsSync(PYTHON))('python unit tests (ml/tests)', () => {
  it('pass', () => {
    const run = spawnSync(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'ml/tests'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0) console.error(run.stdout.slice(-8000), run.stderr.slice(-4000));
    expect(run.status).toBe(0);
  }, 600_000);
});
