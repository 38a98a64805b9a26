// The Python jobs' unit tests (ml/tests, pytest) run as part of `npm test`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ML = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../ml');

describe('python unit tests (ml/tests)', () => {
  it('pytest passes', () => {
    const run = spawnSync(path.join(ML, '.venv/bin/python'), ['-m', 'pytest', '-q', 'tests'], {
      cwd: ML,
      encoding: 'utf8',
      timeout: 540_000,
    });
    if (run.status !== 0) console.error(run.stdout, run.stderr);
    expect(run.status).toBe(0);
    // pytest takes 1–4 min on a busy 2-core machine; spawnSync blocks, so the limit is its own.
  }, 600_000);
});
