// Starts a job workflow the same way everywhere: readable id, the platform's task queue, and search
// attributes for tenant, resource and kind so that the Temporal UI can find any job.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair, type TypedSearchAttributes } from '@temporalio/common';
import { isGrpcServiceError, type Client, type Workflow, type WorkflowHandle, type WorkflowStartOptions } from '@temporalio/client';
import type { Config } from '../../config/config.js';
import { SEARCH_ATTRIBUTES } from '../../contracts/workflows.js';

const tenantKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.tenantId, SearchAttributeType.KEYWORD);
const resourceKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.resourceId, SearchAttributeType.KEYWORD);
const kindKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.kind, SearchAttributeType.KEYWORD);

export interface StartJobOptions<W extends Workflow> {
  workflow: W | string;
  workflowId: string;
  args: Parameters<W>;
  kind: string;
  tenantId?: string | null;
  resourceId?: string | number | null;
}

/** The search attributes of a job's workflow (also given to a training started as a child by a scheduled run). */
export function jobSearchAttributes(opts: Pick<StartJobOptions<Workflow>, 'kind' | 'tenantId' | 'resourceId'>): SearchAttributePair[] {
  return [
    { key: kindKey, value: opts.kind },
    ...(opts.tenantId ? [{ key: tenantKey, value: opts.tenantId }] : []),
    ...(opts.resourceId != null ? [{ key: resourceKey, value: String(opts.resourceId) }] : []),
  ];
}

export async function startJob<W extends Workflow>(temporal: Client, config: Config, opts: StartJobOptions<W>): Promise<WorkflowHandle<W>> {
  const pairs = jobSearchAttributes(opts);
  const options = {
    taskQueue: config.temporal.taskQueue,
    workflowId: opts.workflowId,
    args: opts.args,
    typedSearchAttributes: pairs as unknown as TypedSearchAttributes,
  } as unknown as WorkflowStartOptions<W>;
  const asked = Date.now();
  try {
    return await temporal.workflow.start(opts.workflow as W, options);
  } catch (err) {
    if (await startedAnyway(temporal, opts.workflowId, asked, err))
      return temporal.workflow.getHandle(opts.workflowId) as WorkflowHandle<W>;
    throw err;
  }
}

/** gRPC codes after which the start request may have reached Temporal and succeeded there. */
const AMBIGUOUS_CODES = new Set([1 /* CANCELLED */, 2 /* UNKNOWN */, 4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);
/** How far Temporal's clock may be behind ours when telling this start from an earlier run of the same id. */
const CLOCK_SKEW_MS = 5_000;

/**
 * A start that timed out (Temporal slow under load, a connection dropped after sending) may still have
 * started the workflow. The caller's cleanup would then delete what the running workflow needs (an upload's
 * raw files) and answer an error for a job that runs. So ask Temporal: a run of this id that started since
 * the request was sent is ours. If Temporal cannot answer either, the start counts as failed.
 */
async function startedAnyway(temporal: Client, workflowId: string, asked: number, err: unknown): Promise<boolean> {
  const cause = isGrpcServiceError(err) ? err : (err as { cause?: unknown })?.cause;
  if (!isGrpcServiceError(cause) || !AMBIGUOUS_CODES.has(cause.code)) return false;
  try {
    const run = await temporal.workflow.getHandle(workflowId).describe();
    return run.startTime.getTime() >= asked - CLOCK_SKEW_MS;
  } catch {
    return false;
  }
}

/**
 * Starts the job; when it cannot be started, first records that on its resource (`markFailed`), so that
 * later calls do not keep answering with a job that never ran, then rethrows.
 */
export async function startJobOrMarkFailed<W extends Workflow>(
  temporal: Client,
  config: Config,
  opts: StartJobOptions<W>,
  markFailed: (err: Error) => Promise<unknown>,
): Promise<WorkflowHandle<W>> {
  try {
    return await startJob(temporal, config, opts);
  } catch (err) {
    await markFailed(err as Error);
    throw err;
  }
}
