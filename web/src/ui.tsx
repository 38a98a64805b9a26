// Shared pieces: links, errors (the API's own message), empty states, loading, tables, progress bars, and the
// hooks that load data and follow a job.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, getJob, type Job } from './api.js';
import { navigate } from './state.js';

export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a
      href={props.href}
      class={props.class}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const details = err.details as { issues?: { path?: unknown[]; message?: string }[] } | undefined;
    const issues = Array.isArray(details?.issues) ? details.issues.map((i) => `${(i.path ?? []).join('.')}: ${i.message}`).join('; ') : '';
    return `${err.message}${issues ? ` (${issues})` : ''}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div class="error" role="alert">
      {errorText(error)}
    </div>
  );
}

export const Empty = ({ children }: { children: ComponentChildren }) => <p class="empty">{children}</p>;
export const Loading = () => (
  <p class="muted" aria-busy="true">
    Loading…
  </p>
);

/** Loads once per `deps` change; `reload` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, n]);
  return { ...state, reload: useCallback(() => setN((x) => x + 1), []) };
}

const ENDED = new Set(['Completed', 'Failed', 'Cancelled']);
export const jobEnded = (j?: Job) => Boolean(j && ENDED.has(j.status));

/** Polls a job every second until it has ended; calls onEnd once with the ended job. */
export function useJob(workflowId: string | undefined, onEnd?: (j: Job) => void): { job?: Job; error?: unknown } {
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<unknown>();
  const endRef = useRef(onEnd);
  endRef.current = onEnd;
  useEffect(() => {
    if (!workflowId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const j = await getJob(workflowId);
        if (!live) return;
        setJob(j);
        setError(undefined);
        if (ENDED.has(j.status)) return endRef.current?.(j);
      } catch (err) {
        if (!live) return;
        // The job row is written as the workflow starts: a 404 right after starting it is retried.
        if (!(err instanceof ApiError && err.status === 404)) setError(err);
      }
      timer = setTimeout(tick, 1000);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [workflowId]);
  return { job, error };
}

export function ProgressBar({ value, max, label }: { value: number; max: number | null; label: string }) {
  const pct = max ? Math.min(100, (value / max) * 100) : undefined;
  return (
    <div class="progress">
      <progress value={pct} max={100} aria-label={label} />
      <span>{pct === undefined ? label : `${label} ${pct.toFixed(0)}%`}</span>
    </div>
  );
}

export const fmtDuration = (s: number) =>
  s < 60 ? `${s.toFixed(1)} s` : s < 3600 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${(s / 3600).toFixed(1)} h`;

export const fmtBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;

export const fmtDate = (s: string | null | undefined) => (s ? new Date(s).toLocaleString() : '—');

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const s = String(status ?? 'unknown');
  return <span class={`badge badge-${s.toLowerCase()}`}>{s}</span>;
}

export function Table<T>(props: {
  rows: T[];
  columns: { label: string; cell: (row: T) => ComponentChildren; class?: string }[];
  caption?: string;
  rowKey: (row: T, i: number) => string | number;
}) {
  return (
    <div class="table-wrap">
      <table>
        {props.caption && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={c.class}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={props.rowKey(r, i)}>
              {props.columns.map((c) => (
                <td class={c.class}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A live job: phase, percent, elapsed time and, for those allowed, a cancel button. */
export function JobPanel({ job, canCancel, onCancel }: { job?: Job; canCancel: boolean; onCancel: () => void }) {
  if (!job) return <Loading />;
  const running = !jobEnded(job);
  return (
    <section class="card job" aria-live="polite" data-testid="job-panel">
      <div class="row">
        <strong>{job.kind}</strong> <StatusBadge status={job.status} />
        <span class="muted">{job.workflow_id}</span>
        <span class="muted" data-testid="elapsed">
          elapsed {fmtDuration(job.duration_seconds)}
        </span>
        {running && canCancel && (
          <button type="button" class="danger" onClick={onCancel}>
            Cancel job
          </button>
        )}
      </div>
      {running && (
        <ProgressBar
          value={job.progress?.percent ?? 0}
          max={job.progress?.percent == null ? null : 100}
          label={job.progress?.phase ?? 'starting'}
        />
      )}
      {job.message && <p class="muted">{job.message}</p>}
    </section>
  );
}

export function Field(props: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in
    <label class="field">
      <span>{props.label}</span>
      {props.children}
      {props.hint && <small class="muted">{props.hint}</small>}
    </label>
  );
}

export type FormEvent = JSX.TargetedEvent<HTMLFormElement, Event>;
