// Where the time of a job workflow goes, read from its Temporal history (event times, activity spans, the steps'
// signalled results with their own `timings`): the breakdown `npm run bench -- jobs` prints for a training.
import { defaultPayloadConverter, type WorkflowHandle } from '@temporalio/client';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

const ms = (e: HistoryEvent) => Number(e.eventTime!.seconds) * 1000 + Math.round((e.eventTime!.nanos ?? 0) / 1e6);

export interface StepSpan {
  /** submitRayJob scheduled → its activity completed: the submission (warm runner dispatch or Ray job submit). */
  submit: [number, number];
  /** The step's own report (the `rayJobResult` signal) arrived. */
  signalled: number;
  /** What the step reported of its phases (seconds), and its main()'s whole time. */
  timings: Record<string, number>;
  duration: number | null;
}

export interface WorkflowPhases {
  started: number;
  closed: number;
  /** Activity spans by type, in history order: [scheduled, completed] in ms since the epoch. */
  activities: Array<{ name: string; scheduled: number; completed: number }>;
  steps: StepSpan[];
}

export async function workflowPhases(handle: WorkflowHandle): Promise<WorkflowPhases> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Map<string, { name: string; at: number }>();
  const out: WorkflowPhases = { started: ms(events[0]!), closed: ms(events[events.length - 1]!), activities: [], steps: [] };
  let pendingSubmit: [number, number] | null = null;
  for (const e of events) {
    const s = e.activityTaskScheduledEventAttributes;
    if (s) scheduled.set(String(e.eventId), { name: s.activityType?.name ?? '?', at: ms(e) });
    const c = e.activityTaskCompletedEventAttributes;
    if (c) {
      const from = scheduled.get(String(c.scheduledEventId));
      if (from) {
        out.activities.push({ name: from.name, scheduled: from.at, completed: ms(e) });
        if (from.name === 'submitRayJob') pendingSubmit = [from.at, ms(e)];
      }
    }
    const sig = e.workflowExecutionSignaledEventAttributes;
    if (sig?.signalName === 'rayJobResult' && pendingSubmit) {
      const payload = defaultPayloadConverter.fromPayload<{ result?: { timings?: Record<string, number>; duration_seconds?: number } }>(
        sig.input!.payloads![0]!,
      );
      out.steps.push({
        submit: pendingSubmit,
        signalled: ms(e),
        timings: payload.result?.timings ?? {},
        duration: payload.result?.duration_seconds ?? null,
      });
      pendingSubmit = null;
    }
  }
  return out;
}

/** The first completion of an activity type at or after `after` (ms), or null. */
export function activityEnd(p: WorkflowPhases, name: string, after = 0): number | null {
  return p.activities.find((a) => a.name === name && a.completed >= after)?.completed ?? null;
}
