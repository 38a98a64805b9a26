// Following a job through GET /api/v1/jobs/{workflow_id}: status and the workflow's live progress.
import type { components } from './schema.js';

export type Job = components['schemas']['JobDetail'];
export type JobStatus = Job['status'];

export const ENDED_STATUSES: ReadonlySet<JobStatus> = new Set(['Completed', 'Failed', 'Cancelled']);

export interface WaitOptions {
  /** Called after every poll with the job as it is now. */
  onProgress?: (job: Job) => void;
  /** Between polls; default 1000 ms. */
  intervalMs?: number;
  /** Give up (throws) after this long; default: wait as long as the job runs. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class JobWaitTimeout extends Error {
  constructor(readonly job: Job) {
    super(`job ${job.workflow_id} still ${job.status} after the timeout`);
    this.name = 'JobWaitTimeout';
  }
}

/** Polls `get` until the job has ended and returns it (a Failed or Cancelled job is returned, not thrown). */
export async function pollJob(get: () => Promise<Job>, opts: WaitOptions = {}): Promise<Job> {
  const interval = opts.intervalMs ?? 1000;
  const until = opts.timeoutMs ? Date.now() + opts.timeoutMs : Infinity;
  for (;;) {
    opts.signal?.throwIfAborted();
    const job = await get();
    opts.onProgress?.(job);
    if (ENDED_STATUSES.has(job.status)) return job;
    if (Date.now() >= until) throw new JobWaitTimeout(job);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, interval);
      opts.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(opts.signal!.reason);
        },
        { once: true },
      );
    });
  }
}
