// Activities that drive Ray jobs: submit once, watch with heartbeats, stop. A small step runs in a warm runner
// (integrations/warm-runners.ts) instead of a Ray job of its own, with the same promises (docs/jobs.md).
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { context, propagation } from '@opentelemetry/api';
import { Context } from '@temporalio/activity';
import { jobInputKey } from '../api/storage/keys.js';
import { jobEnvironment, type Config } from '../config/config.js';
import type { RayJobSpec } from '../contracts/workflows.js';
import {
  endedByInfrastructure,
  jobErrorMessage,
  TERMINAL_STATES,
  type RayJobsClient,
  type RayJobState,
} from '../integrations/ray-jobs-client.js';
import type { JobMetrics } from './job-metrics.js';
import type { WarmRunners } from '../integrations/warm-runners.js';
import { createJobMemory } from './ray-memory.js';

export interface RayActivityDeps {
  config: Config;
  ray: RayJobsClient;
  /** Where a job input too large for a command line is staged. */
  s3: S3Client;
  /** Absent or disabled: every step is a Ray job. */
  warm?: WarmRunners;
  /** The watch's fallback poll: the workflow learns of a step's end from the step's own signal first. */
  pollIntervalMs?: number;
  metrics?: JobMetrics;
}

/**
 * The activity's trace context as W3C variables (TRACEPARENT, TRACESTATE: OTel's convention for environment
 * carriers), so that the job's spans join the trace (ml/dataml_jobs/common/tracing.py). Empty with tracing off.
 */
function traceContextEnvironment(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const env: Record<string, string> = {};
  if (carrier.traceparent) env.TRACEPARENT = carrier.traceparent;
  if (carrier.tracestate) env.TRACESTATE = carrier.tracestate;
  return env;
}

/** Where a step runs: a warm runner (small steps) or a Ray job of its own. */
export type StepRunner = 'warm' | 'job';

/**
 * Ray runs the entrypoint through a shell, and Linux caps one argument at 128 KiB (MAX_ARG_STRLEN): a job
 * input above this (a 10,000-column template, say) goes to S3 and the job is given its key instead.
 */
const INLINE_INPUT_MAX_BYTES = 64 * 1024;

export interface SubmitRayJobInput extends RayJobSpec {
  /** Distinguishes several Ray jobs of one workflow run. */
  step: string;
  tenantId?: string | null;
  /** 1 for the first submission; the workflow submits again (2, 3, …) when Ray lost the job. */
  attempt?: number;
}

/**
 * One Ray submission per workflow run, step and attempt. Computed here from the activity's own context (not
 * in the workflow, whose replays may see another run id) so that every retry of the activity, on any
 * worker, finds the job it started. The first attempt keeps the plain form; a resubmission (after Ray lost
 * the job) adds `-a<attempt>`.
 */
export function submissionIdFor(step: string, attempt = 1): { workflowId: string; submissionId: string } {
  const execution = Context.current().info.workflowExecution;
  if (!execution) throw new Error('Ray job activities run inside workflows only');
  const { workflowId, runId } = execution;
  const suffix = attempt > 1 ? `-a${attempt}` : '';
  return { workflowId, submissionId: `${workflowId}--${step}-${runId.slice(0, 8)}${suffix}` };
}

export interface RayJobOutcome {
  submissionId: string;
  /** MISSING: the cluster no longer knows the job (Ray restarted, or lost it with its head). */
  status: RayJobState | 'MISSING';
  /** The job's own error message when it failed. */
  error?: string;
  /** It ended FAILED or STOPPED because something outside the job ended it (see endedByInfrastructure). */
  lost?: boolean;
}

/**
 * A job's environment as the Ray dashboard shows it to anyone who can open it: with a secrets file on the
 * Ray nodes (RAY_JOB_SECRETS_FILE), its path instead of the S3 and catalog credentials, which the job reads
 * from the file (ml/dataml_jobs/common/settings.py).
 */
export function rayJobEnvironment(config: Config): Record<string, string> {
  const env = jobEnvironment(config);
  if (!config.ray.jobSecretsFile) return env;
  // The exporter's headers may hold a tracing backend's key: with a secrets file, the Ray nodes' own environment
  // supplies them (docs/operations.md#tracing-opentelemetry).
  const {
    DATAML_S3_ACCESS_KEY_ID: _key,
    DATAML_S3_SECRET_ACCESS_KEY: _secret,
    DATAML_ICEBERG_CREDENTIAL: _credential,
    OTEL_EXPORTER_OTLP_HEADERS: _otlpHeaders,
    ...rest
  } = env;
  return { ...rest, DATAML_SECRETS_FILE: config.ray.jobSecretsFile };
}

export function createRayActivities({ config, ray, s3, warm, pollIntervalMs = 5000, metrics }: RayActivityDeps) {
  const jobMemory = createJobMemory(config, ray);
  return {
    /**
     * Idempotent: the submission id is derived from the workflow run, so a retry finds the job it started.
     * The runner follows from the input alone (the same on every retry): a warm runner when they are enabled
     * and the input fits a command line; a Ray job of its own for a staged (large) input.
     */
    async submitRayJob(input: SubmitRayJobInput): Promise<{ submissionId: string; created: boolean; runner?: StepRunner }> {
      const { workflowId, submissionId } = submissionIdFor(input.step, input.attempt);
      const memory = await jobMemory();
      const payload = Buffer.from(JSON.stringify(input.input)).toString('base64');
      if (warm?.enabled && payload.length <= INLINE_INPUT_MAX_BYTES) {
        const { created, log } = await warm.start({
          job: input.job,
          submission_id: submissionId,
          workflow_id: workflowId,
          input_b64: payload,
          // The step's guard holds it to the same limit as a Ray job (ml/dataml_jobs/common/job_guard.py).
          env: {
            ...rayJobEnvironment(config),
            ...traceContextEnvironment(),
            DATAML_JOB_MEMORY_LIMIT_BYTES: String(Math.floor(memory.limitBytes)),
          },
        });
        Context.current().log.info('step started in a warm runner', { submissionId, created, log });
        return { submissionId, created, runner: 'warm' };
      }
      let inputArgs = ['--input-b64', payload];
      if (payload.length > INLINE_INPUT_MAX_BYTES) {
        const Key = jobInputKey(submissionId);
        await s3.send(
          new PutObjectCommand({ Bucket: config.s3.bucket, Key, Body: JSON.stringify(input.input), ContentType: 'application/json' }),
        );
        inputArgs = ['--input-s3-key', Key];
      }
      const entrypoint = [
        config.ray.python,
        '-m',
        `dataml_jobs.jobs.${input.job}`,
        '--workflow-id',
        workflowId,
        '--submission-id',
        submissionId,
        ...inputArgs,
      ].join(' ');
      const { created } = await ray.submitOnce({
        submissionId,
        entrypoint,
        // The job's guard enforces the limit on its process tree (ml/dataml_jobs/common/job_guard.py).
        envVars: {
          ...rayJobEnvironment(config),
          ...traceContextEnvironment(),
          DATAML_JOB_MEMORY_LIMIT_BYTES: String(Math.floor(memory.limitBytes)),
        },
        metadata: {
          workflow_id: workflowId,
          job: input.job,
          step: input.step,
          tenant_id: input.tenantId ?? '',
          attempt: String(input.attempt ?? 1),
          namespace: config.temporal.namespace,
        },
        numCpus: input.numCpus,
        memoryBytes: memory.reserveBytes,
      });
      if (created) metrics?.raySubmissions.inc({ job: input.job });
      Context.current().log.info('ray job submitted', { submissionId, created });
      return { submissionId, created };
    },

    /**
     * Polls until the job ends, heartbeating so that a dead worker is noticed and a cancel is delivered. The
     * workflow stops watching as soon as the step's own signal arrives: this is the fallback for steps that
     * die without reporting.
     */
    async watchRayJob(input: { submissionId: string; job?: string; runner?: StepRunner }): Promise<RayJobOutcome> {
      const ctx = Context.current();
      if (input.runner === 'warm' && input.job && warm) return watchWarmStep(warm, input.job, input.submissionId, pollIntervalMs);
      for (;;) {
        const info = await ray.get(input.submissionId);
        if (!info) {
          metrics?.rayFailures.inc({ job: 'unknown', status: 'MISSING' });
          // The workflow decides: it resubmits (bounded) unless the job already reported its result.
          return {
            submissionId: input.submissionId,
            status: 'MISSING',
            error: `Ray job ${input.submissionId} is unknown to the cluster`,
            lost: true,
          };
        }
        ctx.heartbeat({ status: info.status });
        if (TERMINAL_STATES.has(info.status)) {
          if (info.status === 'SUCCEEDED') return { submissionId: input.submissionId, status: info.status };
          metrics?.rayFailures.inc({ job: info.metadata?.job ?? 'unknown', status: info.status });
          const logs = await ray.logs(input.submissionId);
          return {
            submissionId: input.submissionId,
            status: info.status,
            error: jobErrorMessage(info, logs),
            lost: endedByInfrastructure(info),
          };
        }
        // Rejects with CancelledFailure when the workflow cancels us (delivered through the heartbeat).
        await ctx.sleep(pollIntervalMs);
      }
    },

    /** Stops the job of this run's `step` (the workflow may not know its id yet, if cancelled mid-submit). */
    async stopRayJob(input: { step: string; attempt?: number; job?: string }): Promise<boolean> {
      const { submissionId } = submissionIdFor(input.step, input.attempt);
      // The step may be in a warm runner (stopped and ended when this returns) or a Ray job.
      if (input.job && warm?.enabled && (await warm.stop(input.job, submissionId))) return true;
      const stopped = await ray.stop(submissionId);
      // Wait (bounded) for Ray to confirm, so "Cancelled" is only reported once the job is down.
      for (let i = 0; i < 60; i++) {
        const info = await ray.get(submissionId);
        if (!info || TERMINAL_STATES.has(info.status)) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      return stopped;
    },
  };
}

/** watchRayJob for a step in a warm runner: the same outcomes as for a Ray job. */
async function watchWarmStep(warm: WarmRunners, job: string, submissionId: string, pollIntervalMs: number): Promise<RayJobOutcome> {
  const ctx = Context.current();
  for (;;) {
    const info = await warm.get(job, submissionId);
    if (info.status === 'MISSING') {
      // Its runner died (and its guard ended the step) before the step ended: the workflow resubmits.
      return {
        submissionId,
        status: 'MISSING',
        error: `step ${submissionId} is unknown to its warm runner (the runner was replaced)`,
        lost: true,
      };
    }
    ctx.heartbeat({ status: info.status });
    if (info.status === 'SUCCEEDED') return { submissionId, status: info.status };
    if (info.status !== 'RUNNING') {
      const logs = await warm.logs(job, submissionId);
      const status = info.status;
      return {
        submissionId,
        status,
        error: jobErrorMessage({ submission_id: submissionId, status, message: null, entrypoint: info.log }, logs),
        // Killed by a signal (its memory guard, the OS, its runner's end) or stopped by someone else.
        lost: endedByInfrastructure({ status, driver_exit_code: info.exit_code ?? null }),
      };
    }
    await ctx.sleep(pollIntervalMs);
  }
}
