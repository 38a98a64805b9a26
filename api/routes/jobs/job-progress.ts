// What Temporal knows about a job beyond its Postgres row: the running workflow's `progress` query, and the
// owner of a workflow that has started but not yet recorded its row (registerJob is its first activity).
import {
  isGrpcDeadlineError,
  isGrpcServiceError,
  QueryNotRegisteredError,
  QueryRejectedError,
  ServiceError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { JobProgress } from '../../../contracts/jobs.js';
import { SEARCH_ATTRIBUTES } from '../../../contracts/workflows.js';
import type { AppDeps } from '../../deps.js';

const GRPC_FAILED_PRECONDITION = 9;
const CLOSED_STATUS: Record<string, 'Completed' | 'Cancelled'> = {
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  TERMINATED: 'Cancelled',
};

const tenantKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.tenantId, SearchAttributeType.KEYWORD);
const kindKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.kind, SearchAttributeType.KEYWORD);
const resourceKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.resourceId, SearchAttributeType.KEYWORD);

/** The grpc status of a client error, whether thrown bare or wrapped in a ServiceError. */
function grpcCode(err: unknown): number | undefined {
  if (isGrpcServiceError(err)) return err.code;
  if (err instanceof ServiceError && isGrpcServiceError(err.cause)) return err.cause.code;
  return undefined;
}

/**
 * Errors that mean "this workflow cannot tell its progress right now" rather than "Temporal is down": the
 * handler is not registered yet (before its first Ray step), it closed meanwhile, no worker polls its queue
 * (FAILED_PRECONDITION) or none answered in time. Anything else (Temporal unreachable) propagates: 503.
 */
function progressUnavailable(err: unknown): boolean {
  return (
    err instanceof QueryNotRegisteredError ||
    err instanceof QueryRejectedError ||
    err instanceof WorkflowNotFoundError ||
    isGrpcDeadlineError(err) ||
    grpcCode(err) === GRPC_FAILED_PRECONDITION
  );
}

interface RawProgress {
  phase?: unknown;
  percent?: unknown;
  raySubmissionId?: unknown;
}

/** The running workflow's own progress, or null when it cannot answer. */
export async function liveProgress(deps: AppDeps, workflowId: string): Promise<JobProgress | null> {
  let raw: RawProgress;
  try {
    // Bounded by the connection's query deadline (api/temporal/connection.ts).
    raw = await deps.temporal.workflow.getHandle(workflowId).query<RawProgress>('progress');
  } catch (err) {
    if (progressUnavailable(err)) return null;
    throw err;
  }
  // Workflows report a phase; a percentage only where they can count their steps (none does yet).
  const percent = typeof raw?.percent === 'number' && Number.isFinite(raw.percent) ? Math.min(100, Math.max(0, raw.percent)) : null;
  return {
    phase: typeof raw?.phase === 'string' ? raw.phase : 'running',
    percent,
    ray_submission_id: typeof raw?.raySubmissionId === 'string' ? raw.raySubmissionId : null,
  };
}

export interface WorkflowEnd {
  status: 'Completed' | 'Failed' | 'Cancelled';
  closedAt: Date;
  temporalStatus: string;
}

/** Temporal's description of the workflow, or null if Temporal does not know it (any more). */
async function describeWorkflow(deps: AppDeps, workflowId: string) {
  try {
    return await deps.temporal.workflow.getHandle(workflowId).describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/**
 * How the workflow ended if it has, though its row still says it runs: terminated from outside, or cancelled
 * before its first activity could record anything. Null while it runs (or if Temporal no longer knows it).
 */
export async function workflowEnd(deps: AppDeps, workflowId: string): Promise<WorkflowEnd | null> {
  const desc = await describeWorkflow(deps, workflowId);
  if (!desc) return null;
  if (desc.status.name === 'RUNNING') return null;
  return { status: CLOSED_STATUS[desc.status.name] ?? 'Failed', closedAt: desc.closeTime ?? new Date(), temporalStatus: desc.status.name };
}

export interface UnrecordedJob {
  workflowId: string;
  kind: string;
  resourceId: string | null;
  startedAt: Date;
  /** Set once the workflow has closed (it may close before recording itself, e.g. cancelled at once). */
  closedAt: Date | null;
  status: 'Submitted' | 'Completed' | 'Failed' | 'Cancelled';
}

/**
 * A job workflow of `tenantId` that Temporal knows and Postgres does not record (yet): between the start of the
 * workflow and its registerJob activity. Owned by its DatamlTenantId search attribute; another tenant's is null.
 */
export async function unrecordedJob(deps: AppDeps, tenantId: string, workflowId: string): Promise<UnrecordedJob | null> {
  const desc = await describeWorkflow(deps, workflowId);
  if (!desc) return null;
  const attrs = desc.typedSearchAttributes;
  if (attrs.get(tenantKey) !== tenantId) return null;
  return {
    workflowId,
    kind: attrs.get(kindKey) ?? desc.type,
    resourceId: attrs.get(resourceKey) ?? null,
    startedAt: desc.startTime,
    closedAt: desc.status.name === 'RUNNING' ? null : (desc.closeTime ?? new Date()),
    status: desc.status.name === 'RUNNING' ? 'Submitted' : (CLOSED_STATUS[desc.status.name] ?? 'Failed'),
  };
}
