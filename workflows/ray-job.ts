// The step every job workflow uses: run one Ray job and wait for the result it signals.
import {
  ActivityCancellationType,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { RayJobResult, RayJobSpec } from '../contracts/workflows.js';
import { progressQuery, rayJobResultSignal, type JobProgress } from './messages.js';

export { failureMessage } from './failure-message.js';

const { submitRayJob, stopRayJob, recordJobStatus } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', maximumAttempts: 10 },
});

const { watchRayJob } = proxyActivities<Activities>({
  startToCloseTimeout: '24 hours',
  // A worker that dies is noticed within this; the retry resumes watching the same Ray job.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

// The same watch, for the race with the step's report: once the report won, the watch is left to end on its own
// (it sees the step end, or the closed workflow). Requesting its cancel instead could reach the server after the
// watch completed, which the server refuses for the whole workflow task (ACTIVITY_UNKNOWN).
const { watchRayJob: watchRayJobUntilReported } = proxyActivities<Activities>({
  startToCloseTimeout: '24 hours',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
  cancellationType: ActivityCancellationType.ABANDON,
});

/** Submissions of one step, the first included, when Ray keeps losing the job (restarts, dead nodes). */
export const MAX_RAY_SUBMISSIONS = 3;
/** How long a job that vanished or was killed may take to deliver the report it may have sent. */
const LOST_REPORT_GRACE = '5 seconds';

export interface RayStepOptions extends RayJobSpec {
  /** Distinguishes several Ray jobs of one workflow run. */
  step?: string;
  tenantId?: string | null;
  /** How long to wait for the job's signal after Ray reports success. */
  resultGrace?: string;
}

type WatchOutcome = Awaited<ReturnType<typeof watchRayJob>>;

/**
 * The watch (a poll, the fallback for a step that dies without reporting) raced against the step's own report:
 * whichever comes first ends the wait. A cancel of the workflow ends both (the stop then ends the step).
 */
async function watchUntilReported(input: Parameters<typeof watchRayJob>[0], report: () => RayJobResult | undefined): Promise<WatchOutcome> {
  const scope = new CancellationScope();
  const watching = scope.run(() => watchRayJobUntilReported(input));
  watching.catch(() => {}); // once the report won, the abandoned watch's rejection is expected
  const reported = scope.run(() => condition(() => report() !== undefined)).then(() => undefined);
  reported.catch(() => {});
  try {
    const first = await Promise.race([watching, reported]);
    if (first) return first;
    const r = report()!;
    return { submissionId: input.submissionId, status: r.status === 'succeeded' ? 'SUCCEEDED' : 'FAILED' };
  } finally {
    scope.cancel();
  }
}

// Each workflow execution has its own module state in the sandbox: this is this run's progress.
const progress: JobProgress = { phase: 'starting', raySubmissionId: null };

export async function runRayJob<T = Record<string, unknown>>(opts: RayStepOptions): Promise<{ result: T; submissionId: string }> {
  const { workflowId } = workflowInfo();
  const step = opts.step ?? opts.job;
  // Signals may arrive at any time, even before we know our submission id: keep them all. The first report
  // of a submission is its truth (a job killed by its memory guard after it reported keeps its success).
  const received = new Map<string, RayJobResult>();
  setHandler(rayJobResultSignal, (r) => {
    if (!received.has(r.submission_id)) received.set(r.submission_id, r);
  });
  setHandler(progressQuery, () => ({ ...progress }));

  for (let attempt = 1; ; attempt++) {
    progress.phase = attempt === 1 ? `submitting ${step}` : `resubmitting ${step} (attempt ${attempt})`;
    let outcome: Awaited<ReturnType<typeof watchRayJob>>;
    let submissionId = '';
    try {
      // The first attempt passes no `attempt`: its activity input stays what it always was.
      let runner: 'warm' | 'job' | undefined;
      ({ submissionId, runner } = await submitRayJob({
        job: opts.job,
        input: opts.input,
        numCpus: opts.numCpus,
        step,
        tenantId: opts.tenantId,
        ...(attempt > 1 ? { attempt } : {}),
      }));
      progress.raySubmissionId = submissionId;
      progress.phase = `running ${step}`;
      await recordJobStatus({ workflowId, status: 'Running', raySubmissionId: submissionId });
      const watchInput = runner ? { submissionId, job: opts.job, runner } : { submissionId };
      // patched(): the step's own signal ends the wait (the watch is cancelled then, a new command); histories
      // recorded before that waited for the watch's poll to see the end.
      outcome = patched('step-ends-on-its-signal')
        ? await watchUntilReported(watchInput, () => received.get(submissionId))
        : await watchRayJob(watchInput);
      progress.phase = `finished ${step}`;
    } catch (err) {
      if (isCancellation(err)) {
        // Cancelling the workflow stops the Ray job; nothing may cancel the stop itself.
        await CancellationScope.nonCancellable(() => stopRayJob(attempt > 1 ? { step, attempt, job: opts.job } : { step, job: opts.job }));
      }
      throw err;
    }
    const reportedNow = () => received.get(submissionId);
    let reported = reportedNow();

    // Ray lost the job (restart, dead supervisor or node) before it reported: run it again. Its Iceberg
    // commits are keyed by the workflow's resource, not the submission, so a re-run writes each row once.
    // patched(): workflows recorded before resubmission existed keep failing here on replay, as they did.
    if (!reported && outcome.lost && patched('resubmit-lost-ray-jobs')) {
      // A job killed right after it reported (its memory guard reports, then kills) may still be delivering.
      await condition(() => reportedNow() !== undefined, LOST_REPORT_GRACE);
      reported = reportedNow();
      if (!reported) {
        if (attempt < MAX_RAY_SUBMISSIONS) continue;
        throw ApplicationFailure.nonRetryable(
          `the Ray job was lost ${attempt} times before it could finish (last: ${outcome.error ?? `it ended ${outcome.status}`})`,
          'RayJobLost',
        );
      }
    }

    if (outcome.status === 'SUCCEEDED' && !reported) {
      // The job signals before it exits; allow for delivery lag.
      await condition(() => reportedNow() !== undefined, opts.resultGrace ?? '30 seconds');
      reported = reportedNow();
    }
    if (reported?.status === 'failed') {
      throw ApplicationFailure.nonRetryable(reported.error ?? 'the job reported a failure', 'RayJobFailed');
    }
    // The job's own report is the truth: a job that reported success and then crashed on its way out
    // has done its work (its commits are durable). Without a report, Ray's status decides.
    if (reported?.status === 'succeeded') return { result: (reported.result ?? {}) as T, submissionId };
    if (outcome.status !== 'SUCCEEDED') {
      throw ApplicationFailure.nonRetryable(outcome.error ?? `Ray job ended ${outcome.status}`, 'RayJobFailed');
    }
    throw ApplicationFailure.nonRetryable('the Ray job finished without reporting a result', 'RayJobSilent');
  }
}
