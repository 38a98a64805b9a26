// Signals and queries, defined once: workflows set handlers, clients (and the Python jobs, by name) send them.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { RayJobResult } from '../contracts/workflows.js';

/** Sent by a Ray job when it finishes (ml/dataml_jobs/common/signal.py uses this name). */
export const rayJobResultSignal = defineSignal<[RayJobResult]>('rayJobResult');

/** Where a workflow is: its phase and the Ray submission it is watching. */
export interface JobProgress {
  phase: string;
  raySubmissionId: string | null;
}
export const progressQuery = defineQuery<JobProgress>('progress');
