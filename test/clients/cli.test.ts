// The `dataml` CLI end to end on the real stack: run as a child process (bin/dataml.mjs, as `npx dataml` runs it)
// against a listening API server and an in-process worker, output parsed from --json. Covers login (wrong
// password: exit 3, no stack trace; token file 0600, token never printed), template, upload + validation report,
// training with its leaderboard, real-time and batch prediction, forecast, and cancelling a job. The jobs API
// (GET /api/v1/jobs…, the progress the CLI shows) is checked here too: paging, tenant isolation, 409.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../api/http-server.js';
import { newTenant, userWith } from '../support/identity.js';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { hasStack, uniq } from '../support/stack.js';
import { customersCsv, rng, TEMPLATE } from '../support/train-data.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const BIN = path.join(ROOT, 'bin/dataml.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

function seriesCsv(): string {
  const r = rng(3);
  const lines = ['sid,week,sales'];
  for (const sid of ['A', 'B']) {
    for (let i = 0; i < 30; i++) {
      const day = new Date(Date.UTC(2024, 0, 7) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${sid},${day},${((sid === 'A' ? 100 : 50) + 1.5 * i + 2 * r.normal()).toFixed(3)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasStack)('dataml CLI on the real stack', () => {
  let suite: JobSuite;
  let server: Server;
  let url: string;
  let configDir: string;
  let work: string;
  let user: Awaited<ReturnType<typeof userWith>>;
  let otherToken: string;

  /** Runs `dataml <args> --url <url>` with its own config dir; never rejects (the exit code is the result). */
  const dataml = (args: string[], opts: { stdin?: string; json?: boolean } = {}): Promise<Run> =>
    new Promise((resolve) => {
      const argv = [BIN, ...args, '--url', url, ...(opts.json === false ? [] : ['--json'])];
      const child = execFile(
        process.execPath,
        argv,
        { cwd: work, env: { ...process.env, DATAML_CONFIG_DIR: configDir, DATAML_URL: '', NO_COLOR: '1' }, maxBuffer: 16 << 20 },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
          let json: unknown;
          try {
            json = JSON.parse(stdout);
          } catch {
            json = undefined;
          }
          resolve({ code, stdout, stderr, json });
        },
      );
      child.stdin!.end(opts.stdin ?? '');
    });
  const ok = (r: Run) => {
    expect(r.code, `exit ${r.code}\nstdout: ${r.stdout.slice(0, 2000)}\nstderr: ${r.stderr.slice(0, 2000)}`).toBe(0);
    return r.json;
  };
  const noStackTrace = (r: Run) => expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/\n\s+at .+[(:]\d+|Error: .*\n\s+at /);
  const api = async (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await suite.t.call(p, { ...init, token: init.as ?? user.token });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    suite = await startJobSuite();
    server = await listen(suite.t.app, '127.0.0.1', 0);
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    configDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dataml-cli-')), 'config');
    work = mkdtempSync(path.join(os.tmpdir(), 'dataml-work-'));
    // A tenant of its own, so the job list holds only this suite's jobs.
    const tenantId = await newTenant(suite.t.deps);
    user = await userWith(suite.t.deps, tenantId, 'all');
    otherToken = (await userWith(suite.t.deps, await newTenant(suite.t.deps), 'all')).token;
    writeFileSync(path.join(work, 'customers.csv'), customersCsv(300));
    writeFileSync(path.join(work, 'score.csv'), customersCsv(40, 99));
    writeFileSync(path.join(work, 'series.csv'), seriesCsv());
    writeFileSync(
      path.join(work, 'customers.template.json'),
      JSON.stringify({ template_name: uniq('customers'), template_schema: TEMPLATE }),
    );
    writeFileSync(
      path.join(work, 'series.template.json'),
      JSON.stringify([
        { column_name: 'sid', data_type: 'String' },
        { column_name: 'week', data_type: 'Date' },
        { column_name: 'sales', data_type: 'Float' },
      ]),
    );
  }, 300_000);
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await suite?.close();
  });

  it('login: a wrong password exits 3 without a stack trace; a good one stores the session 0600 and never prints the token', async () => {
    const bad = await dataml(['login', '--username', user.username, '--password-stdin'], { stdin: 'Wrong-password-1' });
    expect(bad.code).toBe(3);
    expect(bad.json.error.message).toMatch(/Login failed/);
    noStackTrace(bad);
    const badHuman = await dataml(['login', '--username', user.username, '--password-stdin'], { stdin: 'Wrong-password-2', json: false });
    expect(badHuman.code).toBe(3);
    expect(badHuman.stderr).toMatch(/^dataml: Login failed/);
    noStackTrace(badHuman);
    expect(existsSync(path.join(configDir, 'credentials.json'))).toBe(false);

    // Not logged in: exit 3 too.
    const anonymous = await dataml(['templates', 'ls']);
    expect(anonymous.code).toBe(3);

    const good = await dataml(['login', '--username', user.username, '--password-stdin'], { stdin: `${user.password}\n` });
    expect(ok(good)).toMatchObject({ url, username: user.username, logged_in: true });
    const file = path.join(configDir, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const token = stored.sessions[url].tokens.access_token as string;
    expect(token.length).toBeGreaterThan(20);
    expect(good.stdout + good.stderr).not.toContain(token);
    expect(good.stdout + good.stderr).not.toContain(stored.sessions[url].tokens.refresh_token);
  });

  it('usage errors exit 2 with a message; --help exits 0 everywhere', async () => {
    const missing = await dataml(['train', '--dataset', '1']);
    expect(missing.code).toBe(2);
    noStackTrace(missing);
    const badId = await dataml(['templates', 'show', 'abc']);
    expect(badId.code).toBe(2);
    expect(badId.json.error.message).toMatch(/template_id must be a positive integer/);
    for (const args of [['--help'], ['datasets', 'upload', '--help'], ['jobs', 'watch', '--help'], ['predict', '--help']]) {
      const r = await dataml(args, { json: false });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: dataml/);
    }
  });

  let customersTemplate: number;
  let datasetId: number;
  let trainId: number;

  it('templates create/ls/show, datasets upload (validated, with its report), ls and show', { timeout: 300_000 }, async () => {
    const created = ok(await dataml(['templates', 'create', 'customers.template.json']));
    customersTemplate = created.id;
    expect(ok(await dataml(['templates', 'ls'])).data.map((t: any) => t.id)).toContain(customersTemplate);
    expect(ok(await dataml(['templates', 'show', String(customersTemplate)])).template_schema).toHaveLength(TEMPLATE.length);

    const up = ok(
      await dataml(['datasets', 'upload', 'customers.csv', '--name', uniq('customers'), '--template', String(customersTemplate)]),
    );
    datasetId = up.upload.dataset_id;
    expect(up.job).toMatchObject({
      workflow_id: up.upload.workflow_id,
      kind: 'upload_validate',
      status: 'Completed',
      resource_id: String(datasetId),
    });
    expect(up.dataset).toMatchObject({ id: datasetId, is_valid: true });
    expect(up.files).toHaveLength(1);
    expect(up.files[0]).toMatchObject({ status: 'valid', total_records: 300 });
    expect(up.files[0].error_report).toMatchObject({ valid: true, total_rows: 300, valid_rows: 300, invalid_rows: 0 });

    const shown = ok(await dataml(['datasets', 'show', String(datasetId)]));
    expect(shown.dataset.id).toBe(datasetId);
    expect(shown.files[0].error_report.valid_rows).toBe(300);
    expect(ok(await dataml(['datasets', 'ls'])).data.map((d: any) => d.id)).toContain(datasetId);

    // Human output: the upload's byte progress and the validation phase go to stderr, the report to stdout.
    const human = await dataml(
      ['datasets', 'upload', 'score.csv', '--name', uniq('score'), '--usage', 'p', '--template', String(customersTemplate)],
      { json: false },
    );
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toMatch(/upload\s+\[.*\] 100%/);
    expect(human.stderr).toMatch(/validate/);
    expect(human.stdout).toMatch(/valid_rows/);
  });

  it('train follows the workflow to the end and returns the metrics and the leaderboard', { timeout: 400_000 }, async () => {
    const r = ok(
      await dataml([
        'train',
        '--dataset',
        String(datasetId),
        '--name',
        uniq('churn'),
        '--problem',
        'classification',
        '--target',
        'churn',
        '--id-column',
        'cid',
        '--ignore',
        'segment,spend,const_flag',
        '--algorithm',
        'auto',
        '--time-budget',
        '60',
      ]),
    );
    trainId = r.training.id;
    expect(r.job).toMatchObject({ workflow_id: `train-${trainId}`, kind: 'train', status: 'Completed', progress: null });
    expect(r.job.ended_at).not.toBeNull();
    expect(r.model_summary.model_summary.accuracy).toBeGreaterThan(0.6);
    const board = r.model_summary.model_summary.leaderboard;
    expect(board.length).toBeGreaterThanOrEqual(1);
    expect(board.filter((x: any) => x.selected)).toHaveLength(1);
  });

  it('predict: one row from flags and from JSON, and a batch over a dataset with its CSV downloaded', { timeout: 300_000 }, async () => {
    const one = ok(
      await dataml([
        'predict',
        '--model',
        String(trainId),
        '--set',
        'age=41',
        '--set',
        'tenure=30',
        '--set',
        'plan=pro',
        '--set',
        'active=true',
      ]),
    );
    expect(typeof one.prediction).toBe('boolean');
    expect(Object.values(one.probabilities as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const same = ok(
      await dataml(['predict', '--model', String(trainId), '--row', JSON.stringify({ age: 41, tenure: 30, plan: 'pro', active: true })]),
    );
    expect(same).toEqual(one);
    const badColumn = await dataml(['predict', '--model', String(trainId), '--set', 'nope=1']);
    expect(badColumn.code).toBe(2);

    const scoreSet = ok(await dataml(['datasets', 'ls'])).data.find((d: any) => d.usage === 'p' && d.is_valid);
    expect(scoreSet, 'the prediction dataset uploaded above').toBeTruthy();
    const batch = ok(await dataml(['predict', '--model', String(trainId), '--dataset', String(scoreSet.id), '--out', 'out.csv']));
    expect(batch.job).toMatchObject({ kind: 'batch_predict', status: 'Completed', resource_id: String(batch.prediction.prediction_id) });
    expect(batch.result.status).toBe('completed');
    const csv = readFileSync(path.join(work, batch.file), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(41);
    expect(csv[0]).toContain('prediction');
  });

  it('forecast prints the steps ahead of a trained Forecast model', { timeout: 400_000 }, async () => {
    const tpl = ok(await dataml(['templates', 'create', 'series.template.json', '--name', uniq('series')]));
    const up = ok(await dataml(['datasets', 'upload', 'series.csv', '--name', uniq('series'), '--template', String(tpl.id)]));
    expect(up.dataset.is_valid).toBe(true);
    const trained = ok(
      await dataml([
        'train',
        '--dataset',
        String(up.upload.dataset_id),
        '--name',
        uniq('sales'),
        '--problem',
        'Forecast',
        '--target',
        'sales',
        '--id-column',
        'sid',
        '--time',
        'week',
        '--algorithm',
        'ets',
        '--horizon',
        '4',
      ]),
    );
    const f = ok(
      await dataml(['forecast', '--model', String(trained.training.id), '--series', 'A', '--steps', '3', '--frequency', 'Week']),
    );
    expect(f.forecast).toHaveLength(3);
    expect(f.forecast[0].date > '2024-07-01').toBe(true);
    for (const s of f.forecast) expect(s.value).toBeGreaterThan(100);
    const human = await dataml(
      ['forecast', '--model', String(trained.training.id), '--series', 'A', '--steps', '3', '--frequency', 'Week'],
      { json: false },
    );
    expect(human.stdout).toMatch(/date.*value/);
  });

  it('jobs: a running training is cancelled (its Ray job stopped, the training Cancelled); ls, isolation, 409', {
    timeout: 300_000,
  }, async () => {
    const started = ok(
      await dataml([
        'train',
        '--dataset',
        String(datasetId),
        '--name',
        uniq('cancel_me'),
        '--problem',
        'Classification',
        '--target',
        'churn',
        '--id-column',
        'cid',
        '--algorithm',
        'auto',
        '--time-budget',
        '120',
        '--no-wait',
      ]),
    );
    const wf = started.training.workflow_id as string;
    // Wait until the Ray job runs, so the cancel has a Ray job to stop.
    for (;;) {
      const job = await api(`/api/v1/jobs/${wf}`);
      expect(job.status).toBe(200);
      expect(job.body.status).not.toMatch(/Completed|Failed|Cancelled/);
      if (job.body.status === 'Running') {
        expect(job.body.ray_submission_id).toMatch(new RegExp(`^${wf}--`));
        break;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    // Another tenant neither sees nor cancels it.
    expect((await api(`/api/v1/jobs/${wf}`, { as: otherToken })).status).toBe(404);
    expect((await api(`/api/v1/jobs/${wf}/cancel`, { method: 'POST', as: otherToken })).status).toBe(404);
    expect((await api('/api/v1/jobs', { as: otherToken })).body.data.some((j: any) => j.workflow_id === wf)).toBe(false);

    expect(ok(await dataml(['jobs', 'cancel', wf]))).toMatchObject({ workflow_id: wf });
    const watched = await dataml(['jobs', 'watch', wf, '--interval', '300']);
    expect(watched.code, 'a cancelled job is not a success').toBe(1);
    expect(watched.json).toMatchObject({ workflow_id: wf, status: 'Cancelled', progress: null });
    const trainings = (await api('/api/v1/train/list')).body.data as any[];
    expect(trainings.find((x) => x.id === started.training.id).training_status).toBe('Cancelled');
    // An ended job cannot be cancelled again.
    expect((await api(`/api/v1/jobs/${wf}/cancel`, { method: 'POST' })).status).toBe(409);

    const all = ok(await dataml(['jobs', 'ls', '--limit', '100']));
    const kinds = new Set(all.data.map((j: any) => j.kind));
    for (const k of ['upload_validate', 'train', 'batch_predict']) expect(kinds).toContain(k);
    expect(all.total).toBe(all.data.length);
    const page = ok(await dataml(['jobs', 'ls', '--kind', 'train', '--limit', '1', '--offset', '1']));
    expect(page.data).toHaveLength(1);
    expect(page.total).toBe(all.data.filter((j: any) => j.kind === 'train').length);
    expect(page.data[0].workflow_id).toBe(all.data.filter((j: any) => j.kind === 'train')[1].workflow_id);
    const cancelled = ok(await dataml(['jobs', 'ls', '--status', 'Cancelled']));
    expect(cancelled.data.map((j: any) => j.workflow_id)).toEqual([wf]);
    expect((await api('/api/v1/jobs/no-such-job-1')).status).toBe(404);
  });
});
