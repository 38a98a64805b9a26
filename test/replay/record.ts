// Records histories of the lake-probe workflow for the replay test (run against a real stack):
//   node --import tsx scripts/stack.ts exec -- node --import tsx test/replay/record.ts
// Re-record only on purpose: a workflow change that breaks replay of these histories would break
// every workflow already running in production.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { probeInput, startProbe, waitForRayJob } from '../support/probe.js';
import { buildTestApp } from '../support/stack.js';
import { startInProcessWorker } from '../support/worker.js';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'histories');
const t = await buildTestApp();
const worker = await startInProcessWorker(t.config);
try {
  const cases = [
    ['lake-probe-completed', probeInput({ rows: 5 })],
    ['lake-probe-failed', probeInput({ failMode: 'raise' })],
    ['lake-probe-cancelled', probeInput({ sleepSeconds: 60 })],
  ] as const;
  for (const [name, input] of cases) {
    const handle = await startProbe(t.deps.temporal, t.config, input);
    if (name === 'lake-probe-cancelled') {
      await waitForRayJob(t.config.ray.address, handle.workflowId, 'RUNNING');
      await handle.cancel();
    }
    await handle.result().catch(() => undefined);
    // The CLI writes the canonical JSON history format that Worker.runReplayHistory reads.
    const json = execFileSync(path.join(process.env.DATAML_VENV_BIN!, 'temporal'), [
      'workflow', 'show', '--workflow-id', handle.workflowId, '--address', t.config.temporal.address, '--output', 'json',
    ]);
    writeFileSync(path.join(dir, `${name}.json`), json);
    console.log(`recorded ${name}`);
  }
} finally {
  await worker.stop();
  await t.close();
}
