// Human output (tables, progress bars on stderr) and --json output (one JSON document on stdout).
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import type { Job, UploadProgress } from '../clients/ts/src/index.js';

let jsonWritten = false;

/** --json output: one document per run (a failed job's document is the output; its error goes to stderr). */
export function printJson(value: unknown): void {
  jsonWritten = true;
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export const jsonAlreadyWritten = () => jsonWritten;

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

/** A table of rows; columns default to the union of the rows' keys in first-seen order. */
export function printTable(rows: Array<Record<string, unknown>>, columns?: string[]): void {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (!rows.length) {
    process.stdout.write('(none)\n');
    return;
  }
  const table = new Table({ head: cols, style: { head: [], border: [] } });
  for (const r of rows) table.push(cols.map((c) => cell(r[c])));
  process.stdout.write(`${table.toString()}\n`);
}

/** key: value lines. */
export function printFields(obj: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(obj).map((k) => k.length));
  for (const [k, v] of Object.entries(obj)) process.stdout.write(`${k.padEnd(width)}  ${cell(v)}\n`);
}

const bytes = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

/** A byte progress bar on stderr for an upload (nothing in --json mode). */
export function uploadBar(enabled: boolean) {
  if (!enabled) return { update: (_p: UploadProgress) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: 'upload   [{bar}] {percentage}% {sentH}/{totalH} {file}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: UploadProgress) {
      const total = p.total ?? Math.max(p.sent, 1);
      const payload = { sentH: bytes(p.sent), totalH: p.total === null ? '?' : bytes(total), file: p.file };
      if (!started) {
        bar.start(total, p.sent, payload);
        started = true;
      } else bar.update(p.sent, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** A job's progress on stderr: phase, percent where the workflow tells it, elapsed time. */
export function jobBar(enabled: boolean, label: string) {
  if (!enabled) return { update: (_j: Job) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(8)} [{bar}] {pct} {status} {phase} {elapsed}s`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(job: Job) {
      const percent = job.status === 'Completed' ? 100 : (job.progress?.percent ?? 0);
      const payload = {
        pct: job.progress?.percent != null || job.status === 'Completed' ? `${Math.round(percent)}%` : '',
        status: job.status,
        phase: job.progress?.phase ?? '',
        elapsed: Math.round(job.duration_seconds),
      };
      if (!started) {
        bar.start(100, percent, payload);
        started = true;
      } else bar.update(percent, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
