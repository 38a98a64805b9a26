// The memory limit of each Ray job: configured (RAY_JOB_MEMORY_LIMIT_GB) or sized from the cluster.
import os from 'node:os';
import type { Config } from '../config/config.js';
import type { RayJobsClient } from '../integrations/ray-jobs-client.js';

export const GB = 1024 ** 3;
/** Without a configured limit, a job may use this share of the largest Ray node's `memory` resource. */
const DEFAULT_SHARE = 0.25;
/** ...but never less than this: a small training peaks at about 0.4 GB (imports included). */
const DEFAULT_FLOOR_BYTES = 1 * 1024 ** 3;
const NODES_TTL_MS = 5 * 60_000;

export interface JobMemory {
  /** What the job enforces on its own process tree (ml/dataml_jobs/common/job_guard.py). */
  limitBytes: number;
  /** What Ray reserves for it when scheduling (never more than a node has, or the job would wait forever). */
  reserveBytes: number;
}

/**
 * A default that leaves room for several jobs and the services beside them: a quarter of the largest node
 * Ray reports, or of this machine's RAM when Ray cannot say. Nodes are re-read every few minutes.
 */
export function createJobMemory(config: Config, ray: Pick<RayJobsClient, 'nodeMemoryBytes'>, totalMem = os.totalmem) {
  let cached: { at: number; largest: number | null } | undefined;
  async function largestNode(): Promise<number | null> {
    if (cached && Date.now() - cached.at < NODES_TTL_MS) return cached.largest;
    let largest: number | null = null;
    try {
      const nodes = await ray.nodeMemoryBytes();
      largest = nodes.length ? Math.max(...nodes) : null;
    } catch {
      largest = null; // an older or restricted dashboard: fall back to this machine's RAM
    }
    cached = { at: Date.now(), largest };
    return largest;
  }
  return async function jobMemory(): Promise<JobMemory> {
    const largest = await largestNode();
    const configured = config.ray.jobMemoryLimitGb;
    const limitBytes = configured ? configured * GB : Math.max(DEFAULT_FLOOR_BYTES, DEFAULT_SHARE * (largest ?? totalMem()));
    return { limitBytes, reserveBytes: largest ? Math.min(limitBytes, largest) : limitBytes };
  };
}
