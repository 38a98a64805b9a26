// Starts a job workflow the same way everywhere: readable id, the platform's task queue, and search
// attributes for tenant, resource and kind so that the Temporal UI can find any job.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair, type TypedSearchAttributes } from '@temporalio/common';
import type { Client, Workflow, WorkflowHandle, WorkflowStartOptions } from '@temporalio/client';
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
  return temporal.workflow.start(opts.workflow as W, options);
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
