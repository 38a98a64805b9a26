import type { Client } from '@temporalio/client';
import type { Config } from '../../config/config.js';
import { workflowIds, type LakeProbeInput } from '../../contracts/workflows.js';
import { startJob } from '../../api/temporal/start-job.js';
import { uniq } from './stack.js';

export function probeInput(over: Partial<LakeProbeInput> = {}): LakeProbeInput {
  return { probeId: uniq('p').toLowerCase(), tenantId: null, rows: 25, failMode: 'none', sleepSeconds: 0, allocateMb: 0, ...over };
}

export function startProbe(client: Client, config: Config, input: LakeProbeInput, workflowId = workflowIds.lakeProbe(input.probeId)) {
  return startJob(client, config, {
    workflow: 'lakeProbeWorkflow',
    workflowId,
    args: [input] as never,
    kind: 'lake_probe',
    tenantId: input.tenantId,
    resourceId: input.probeId,
  });
}

/** Waits until Ray reports the job of this workflow as RUNNING (so a test can interrupt it mid-flight). */
export async function waitForRayJob(rayAddress: string, workflowId: string, state = 'RUNNING', timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const jobs = await rayJobsOf(rayAddress, workflowId);
    const job = jobs.find((j) => j.status === state);
    if (job) return job;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no Ray job of ${workflowId} reached ${state} in ${timeoutMs} ms`);
}

export async function rayJobsOf(rayAddress: string, workflowId: string) {
  const { RayJobsClient } = await import('../../activities/ray-jobs-client.js');
  const all = await new RayJobsClient(rayAddress).list();
  return all.filter((j) => (j as unknown as { metadata?: Record<string, string> }).metadata?.workflow_id === workflowId);
}
