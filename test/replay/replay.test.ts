// Replays committed histories against today's workflow code: a non-deterministic change fails here.
// Record them with test/replay/record.ts; every workflow the worker registers needs at least one.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const workflowType = (history: any): string => history.events[0].workflowExecutionStartedEventAttributes.workflowType.name;

describe('workflow replay', () => {
  it('has a committed history of every workflow the worker registers', async () => {
    const exported = Object.keys(await import('../../workflows/index.js')).sort();
    const recorded = new Set(files.map((f) => workflowType(read(f))));
    expect(exported.length).toBeGreaterThan(0);
    expect(
      exported.filter((name) => !recorded.has(name)),
      'workflows without a history (record one with test/replay/record.ts)',
    ).toEqual([]);
  });

  it.each(files)('replays %s deterministically', async (file) => {
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows/index.ts'), replayName: file }, read(file));
  });
});
