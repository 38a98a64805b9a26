import type { Command } from 'commander';
import { type Job, unwrap } from '../../clients/ts/src/index.js';
import { signedIn } from '../context.js';
import { CliError, EXIT, usageError } from '../errors.js';
import { jobBar, printFields, printJson, printTable } from '../output.js';

const STATUSES = ['Submitted', 'Running', 'Completed', 'Failed', 'Cancelled'] as const;

/** Exit 1 unless the job completed: scripts can chain on `dataml jobs watch`. */
export function requireCompleted(job: Job, what = 'Job'): void {
  if (job.status !== 'Completed')
    throw new CliError(`${what} ${job.workflow_id} ${job.status.toLowerCase()}${job.message ? `: ${job.message}` : ''}`, EXIT.failed);
}

export function printJob(job: Job): void {
  printFields({
    workflow_id: job.workflow_id,
    kind: job.kind,
    status: job.status,
    resource_id: job.resource_id,
    phase: job.progress?.phase,
    percent: job.progress?.percent,
    started_at: job.started_at,
    ended_at: job.ended_at,
    duration_s: Math.round(job.duration_seconds),
    message: job.message,
  });
}

export function jobsCommand(program: Command) {
  const jobs = program.command('jobs').description('Job workflows: validation, statistics, training, SHAP, batch prediction');

  jobs
    .command('ls')
    .description("List the tenant's jobs, newest first")
    .option('--kind <kind>', 'only this kind (train, upload_validate, batch_predict, …)')
    .option('--status <status>', `only this status (${STATUSES.join(', ')})`)
    .option('--limit <n>', 'page size', '20')
    .option('--offset <n>', 'rows to skip', '0')
    .action(async (opts: { kind?: string; status?: string; limit: string; offset: string }, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      if (opts.status && !(STATUSES as readonly string[]).includes(opts.status))
        throw usageError(`--status must be one of ${STATUSES.join(', ')}`);
      const res = unwrap(
        await client.api.GET('/api/v1/jobs', {
          params: {
            query: { kind: opts.kind as never, status: opts.status as never, limit: Number(opts.limit), offset: Number(opts.offset) },
          },
        }),
      );
      if (json) return printJson(res);
      printTable(
        res.data.map((j) => ({ ...j, duration_s: Math.round(j.duration_seconds) })),
        ['workflow_id', 'kind', 'status', 'resource_id', 'started_at', 'duration_s', 'message'],
      );
      process.stdout.write(`${res.data.length} of ${res.total}\n`);
    });

  jobs
    .command('show <workflow_id>')
    .description('A job and its current progress')
    .action(async (id: string, _o, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const job = await client.job(id);
      if (json) return printJson(job);
      printJob(job);
    });

  jobs
    .command('watch <workflow_id>')
    .description('Follow a job until it ends (exit 1 unless it completed)')
    .option('--interval <ms>', 'between polls', '1000')
    .action(async (id: string, opts: { interval: string }, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const bar = jobBar(!json, 'job');
      let job: Job;
      try {
        job = await client.waitForJob(id, { intervalMs: Math.max(200, Number(opts.interval) || 1000), onProgress: (j) => bar.update(j) });
      } finally {
        bar.stop();
      }
      if (json) printJson(job);
      else printJob(job);
      requireCompleted(job);
    });

  jobs
    .command('cancel <workflow_id>')
    .description('Cancel a running job (its Ray job is stopped; it ends Cancelled)')
    .action(async (id: string, _o, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const res = await client.cancelJob(id);
      if (json) return printJson(res);
      process.stdout.write(`${res.message}\n`);
    });
}
