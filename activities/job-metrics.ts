// The worker's job metrics, counted by the activities that see each transition (activities run in the
// worker's Node context; workflow code cannot hold a metric). Registered on the worker's registry.
import { Counter, Histogram, type Registry } from 'prom-client';

/** Seconds; jobs run from a few seconds (a probe) to hours (a large training). */
const JOB_BUCKETS = [1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600];

/** The terminal job statuses (jobs table) and their outcome label. */
const OUTCOMES: Record<string, 'succeeded' | 'failed' | 'cancelled'> = {
  Completed: 'succeeded',
  Failed: 'failed',
  Cancelled: 'cancelled',
};

export class JobMetrics {
  readonly started: Counter<'kind'>;
  readonly finished: Counter<'kind' | 'outcome'>;
  readonly duration: Histogram<'kind' | 'outcome'>;
  readonly raySubmissions: Counter<'job'>;
  readonly rayFailures: Counter<'job' | 'status'>;

  constructor(readonly registry: Registry) {
    const registers = [registry];
    this.started = new Counter({
      name: 'dataml_jobs_started_total',
      help: 'Jobs (workflows) started, by kind',
      labelNames: ['kind'],
      registers,
    });
    this.finished = new Counter({
      name: 'dataml_jobs_finished_total',
      help: 'Jobs ended, by kind and outcome (succeeded, failed, cancelled)',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'dataml_job_duration_seconds',
      help: 'Jobs from registration to their end, by kind and outcome, in seconds',
      labelNames: ['kind', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    });
    this.raySubmissions = new Counter({
      name: 'dataml_ray_job_submissions_total',
      help: 'Ray jobs submitted (a retried submit that found its job is not counted), by job module',
      labelNames: ['job'],
      registers,
    });
    this.rayFailures = new Counter({
      name: 'dataml_ray_job_failures_total',
      help: 'Ray jobs that ended without success, by job module and Ray status (FAILED, STOPPED, MISSING = lost by the cluster)',
      labelNames: ['job', 'status'],
      registers,
    });
  }

  /** A job's status changed; terminal ones are counted with their duration since `createdAt`. */
  statusChanged(kind: string, status: string, createdAt: Date): void {
    const outcome = OUTCOMES[status];
    if (!outcome) return;
    this.finished.inc({ kind, outcome });
    this.duration.observe({ kind, outcome }, Math.max(0, (Date.now() - createdAt.getTime()) / 1000));
  }
}
