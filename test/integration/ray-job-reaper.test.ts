// The worker's sweep on the real Ray and Temporal: a running Ray job whose workflow is closed or unknown is
// stopped; the job of a running workflow, and a job of another namespace, are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RayJobsClient } from '../../activities/ray-jobs-client.js';
import { reapOrphanRayJobs } from '../../worker/ray-job-reaper.js';
import { probeInput, startProbe, waitForRayJob } from '../support/probe.js';
import { buildTestApp, hasStack, uniq } from '../support/stack.js';
import { startInProcessWorker } from '../support/worker.js';

describe.skipIf(!hasStack)('Ray job sweep', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let ray: RayJobsClient;
  beforeAll(async () => {
    t = await buildTestApp();
    worker = await startInProcessWorker(t.config);
    ray = new RayJobsClient(t.config.ray.address);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const sleeper = async (workflowId: string, namespace: string) => {
    const submissionId = `${workflowId}--sleep`;
    await ray.submitOnce({
      submissionId,
      entrypoint: 'python -c "import time; time.sleep(300)"',
      envVars: {},
      metadata: { workflow_id: workflowId, job: 'sleep', step: 'sleep', namespace },
      numCpus: 0.1,
    });
    return submissionId;
  };

  it('stops the jobs of closed or unknown workflows only', async () => {
    const live = await startProbe(t.deps.temporal, t.config, probeInput({ sleepSeconds: 120 }));
    const liveJob = await waitForRayJob(t.config.ray.address, live.workflowId, 'RUNNING', 90_000);
    const done = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 3 }));
    await done.result();
    const ofClosed = await sleeper(done.workflowId, t.config.temporal.namespace);
    const ofUnknown = await sleeper(uniq('never-started-'), t.config.temporal.namespace);
    const ofOtherNamespace = await sleeper(uniq('elsewhere-'), 'another-namespace');
    try {
      const log = { info: () => {}, warn: () => {} };
      const stopped = await reapOrphanRayJobs({ ray, client: t.deps.temporal, namespace: t.config.temporal.namespace, log });
      expect(stopped.sort()).toEqual([ofClosed, ofUnknown].sort());
      for (const id of [ofClosed, ofUnknown]) {
        for (let i = 0; i < 60 && (await ray.get(id))!.status !== 'STOPPED'; i++) await new Promise((r) => setTimeout(r, 500));
        expect((await ray.get(id))!.status).toBe('STOPPED');
      }
      expect((await ray.get(liveJob.submission_id))!.status).toBe('RUNNING');
      expect(['PENDING', 'RUNNING']).toContain((await ray.get(ofOtherNamespace))!.status);
    } finally {
      await ray.stop(ofOtherNamespace);
      await live.cancel();
      await live.result().catch(() => undefined);
    }
  });
});
