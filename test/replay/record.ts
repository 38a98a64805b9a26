// Records histories of every job workflow for the replay test (run against a throwaway real stack):
//   node --import tsx scripts/stack.ts exec -- node --import tsx test/replay/record.ts [name-prefix ...]
// e.g. `... record.ts train shap` records only the histories whose names start with `train` or `shap`.
// Each workflow is driven the way the integration tests drive it (through the API in-process, with small
// generated data); a few failure paths the API cannot provoke start the workflow directly, as those tests do.
// Each history is saved as histories/<workflow-kind>-<outcome>.json, and its outcome is checked first.
// Re-record only on purpose: a workflow change that breaks replay of these histories would break
// every workflow already running in production.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { StatisticsInput, UploadValidateInput } from '../../contracts/data-workflows.js';
import { adminSession } from '../support/identity.js';
import { probeInput, startProbe, waitForRayJob } from '../support/probe.js';
import { buildTestApp, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';
import { startInProcessWorker } from '../support/worker.js';

type Outcome = 'COMPLETED' | 'FAILED' | 'CANCELLED';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), 'histories');
const only = process.argv.slice(2);
// Webhook deliveries may reach the receivers the recording starts on loopback, and fail fast.
const t = await buildTestApp({ WEBHOOK_ALLOW: '127.0.0.1', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_RETRY_INITIAL_SECONDS: '1' });
const worker = await startInProcessWorker(t.config);
const admin = await adminSession(t.deps);
const temporal = t.deps.temporal;

// --- helpers -------------------------------------------------------------------------------------------

async function api(p: string, init: RequestInit & { json?: unknown } = {}, expected = [200, 201, 202]) {
  const res = await t.call(p, { ...init, token: admin.token });
  const text = await res.text();
  const body = (text ? JSON.parse(text) : null) as any;
  if (!expected.includes(res.status)) throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${text.slice(0, 500)}`);
  return body;
}

async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 240_000, every = 500): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Waits for the workflow to close, checks how it closed, and writes its history. */
async function save(name: string, workflowId: string, outcome: Outcome) {
  const handle = temporal.workflow.getHandle(workflowId);
  await handle.result().catch(() => undefined);
  const status = (await handle.describe()).status.name;
  if (status !== outcome) throw new Error(`${name}: workflow ${workflowId} closed ${status}, not ${outcome}`);
  // The CLI writes the canonical JSON history format that Worker.runReplayHistory reads.
  const json = execFileSync(path.join(process.env.DATAML_VENV_BIN!, 'temporal'), [
    'workflow',
    'show',
    '--workflow-id',
    workflowId,
    '--address',
    t.config.temporal.address,
    '--output',
    'json',
  ]);
  writeFileSync(path.join(dir, `${name}.json`), json);
  console.log(`recorded ${name} (${workflowId})`);
}

/** The workflow id of the newest job of this kind registered after `since` (for workflows the API starts without naming them). */
function newJob(kind: string, since: number) {
  return until(`a ${kind} job`, async () => {
    const row = await t.deps.db
      .selectFrom('jobs')
      .select(['workflow_id', 'created_at'])
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row && row.created_at.getTime() >= since ? row.workflow_id : undefined;
  });
}

/** The Ray submission of a running job, once its workflow has recorded it (so it can be terminated mid-flight). */
const raySubmissionOf = (workflowId: string) =>
  until(
    `the Ray job of ${workflowId}`,
    async () => {
      const row = await t.deps.db.selectFrom('jobs').select('ray_submission_id').where('workflow_id', '=', workflowId).executeTakeFirst();
      return row?.ray_submission_id ?? undefined;
    },
    120_000,
    100,
  );

/** Uploads a CSV as a new dataset through the API (6.1); returns its ids and its upload-validate workflow id. */
async function upload(csv: string, usage: 't' | 'p', schema: readonly unknown[] = TEMPLATE) {
  const tpl = await api('/api/v1/template/', { method: 'POST', json: { template_name: uniq('tpl'), template_schema: schema } });
  const form = new FormData();
  form.append('files', new Blob([csv], { type: 'text/csv' }), 'rows.csv');
  const up = await api(`/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=${usage}&template_id=${tpl.id}`, {
    method: 'POST',
    body: form,
  });
  return { datasetId: up.dataset_id as number, fileId: up.files[0].id as number, workflowId: up.workflow_id as string };
}

async function validated<D extends { datasetId: number; workflowId: string }>(d: D) {
  await temporal.workflow.getHandle(d.workflowId).result();
  const row = await t.deps.db
    .selectFrom('datasets')
    .select(['is_valid', 'iceberg_table_name'])
    .where('id', '=', d.datasetId)
    .executeTakeFirstOrThrow();
  if (row.is_valid !== true) throw new Error(`dataset ${d.datasetId} did not validate`);
  return { ...d, table: row.iceberg_table_name };
}

const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

// --- shared fixtures, created on first use -------------------------------------------------------------

const CHURN = roles('churn', ['segment', 'spend', 'const_flag']); // features: age, tenure, plan, active
const trainingDataset = once(async () => validated(await upload(customersCsv(300), 't')));
// The scoring rows: the model's inputs only (the first five columns of the customers CSV).
const scoringDataset = once(async () => {
  const csv = `${customersCsv(40, 5)
    .trim()
    .split('\n')
    .map((l) => l.split(',').slice(0, 5).join(','))
    .join('\n')}\n`;
  return validated(await upload(csv, 'p', TEMPLATE.slice(0, 5)));
});
const scratchDataset = once(async () => validated(await upload(customersCsv(10, 3), 't')));

const train = async (body: Record<string, unknown>) => {
  const { datasetId } = await trainingDataset();
  const r = await api('/api/v1/train/', {
    method: 'POST',
    json: { domain: 'Churn', problem_type: 'Classification', dataset_id: datasetId, predictor_name: uniq('p'), columns: CHURN, ...body },
  });
  return { trainId: r.id as number, workflowId: r.workflow_id as string };
};
const model = once(async () => {
  const m = await train({ algorithm: 'xgboost', shap_enabled: true });
  await temporal.workflow.getHandle(m.workflowId).result();
  return m;
});

// --- one recording per workflow and outcome ------------------------------------------------------------

async function lakeProbe() {
  const completed = await startProbe(temporal, t.config, probeInput({ rows: 5 }));
  await save('lake-probe-completed', completed.workflowId, 'COMPLETED');
  const failed = await startProbe(temporal, t.config, probeInput({ failMode: 'raise' }));
  await save('lake-probe-failed', failed.workflowId, 'FAILED');
  const cancelled = await startProbe(temporal, t.config, probeInput({ sleepSeconds: 60 }));
  await waitForRayJob(t.config.ray.address, cancelled.workflowId, 'RUNNING');
  await cancelled.cancel();
  await save('lake-probe-cancelled', cancelled.workflowId, 'CANCELLED');
}

/** A scheduled retraining run (a paused schedule triggered once): it trains a new version and sets an alias to it. */
async function scheduledRetrainCompleted() {
  const m = await model();
  const row = ((await api('/api/v1/train/list')).data as any[]).find((x) => x.id === m.trainId);
  const name = uniq('replay').toLowerCase();
  await api('/api/v1/retrain-schedules', {
    method: 'POST',
    json: { name, predictor_name: row.predictor_name, mode: 'full', interval_seconds: 3600, paused: true, promote_alias: 'champion' },
  });
  await api(`/api/v1/retrain-schedules/${name}/trigger`, { method: 'POST' });
  const run = await until('the triggered run', async () => (await api(`/api/v1/retrain-schedules/${name}`)).runs?.[0]);
  await save('scheduled-retrain-completed', run.workflow_id, 'COMPLETED');
  await api(`/api/v1/retrain-schedules/${name}`, { method: 'DELETE' });
}

/** A drift run of the model on the scoring dataset, and a drift schedule's firing (a paused schedule triggered once). */
async function driftCompleted() {
  const m = await model();
  const datasetId = (await scoringDataset()).datasetId;
  const r = await api('/api/v1/drift-runs', { method: 'POST', json: { train_id: m.trainId, dataset_id: datasetId, sample_rows: 200 } });
  await save('drift-completed', r.workflow_id, 'COMPLETED');
  const name = uniq('replay').toLowerCase();
  await api('/api/v1/drift-schedules', {
    method: 'POST',
    json: { name, train_id: m.trainId, dataset_id: datasetId, sample_rows: 200, interval_seconds: 3600, paused: true },
  });
  await api(`/api/v1/drift-schedules/${name}/trigger`, { method: 'POST' });
  const firing = await until('the firing', async () => {
    const page = temporal.workflow.list({
      query: `WorkflowType = 'scheduledDriftWorkflow' AND WorkflowId STARTS_WITH 'drift-check-${admin.tenantId}-${name}'`,
    });
    for await (const w of page) return w.workflowId;
    return undefined;
  });
  await save('scheduled-drift-completed', firing, 'COMPLETED');
  await api(`/api/v1/drift-schedules/${name}`, { method: 'DELETE' });
}

/** The no-op step of `npm run bench -- jobs`. */
async function noopStepCompleted() {
  const workflowId = `noop-step-${uniq('r').toLowerCase()}`;
  await temporal.workflow.start('noopStepWorkflow', { taskQueue: t.config.temporal.taskQueue, workflowId, args: [{ id: 'replay' }] });
  await save('noop-step-completed', workflowId, 'COMPLETED');
}

/** 6.1: an upload validated into Iceberg. */
async function uploadValidateCompleted() {
  await save('upload-validate-completed', (await trainingDataset()).workflowId, 'COMPLETED');
}

/** A validation whose Ray job fails (its file is missing): the workflow completes with the file failed. */
async function uploadValidateFileFailed() {
  const d = await scratchDataset();
  const input: UploadValidateInput = {
    tenantId: admin.tenantId,
    datasetId: d.datasetId,
    bucket: t.config.s3.bucket,
    table: `silver.${d.table}`,
    template: [{ column_name: 'cid', data_type: 'String', default_value: null, nullable: false }],
    files: [{ fileId: d.fileId, key: `tenants/${admin.tenantId}/datasets/${d.datasetId}/raw/no-such-object.csv` }],
  };
  const workflowId = `upload-validate-fail-${uniq()}`;
  await temporal.workflow.start('uploadValidateWorkflow', { taskQueue: t.config.temporal.taskQueue, workflowId, args: [input] });
  await save('upload-validate-file-failed', workflowId, 'COMPLETED');
}

/** 6.4 deletes a dataset while its file is being validated: the validation is cancelled. */
async function uploadValidateCancelled() {
  const d = await upload(customersCsv(20, 4), 't');
  await raySubmissionOf(d.workflowId);
  await api(`/api/v1/dataset/delete/${d.datasetId}`, { method: 'DELETE' });
  await save('upload-validate-cancelled', d.workflowId, 'CANCELLED');
}

/** 6.4 deletes a validated dataset: its Iceberg table is dropped. */
async function lakeCleanupCompleted() {
  const d = await scratchDataset();
  const since = Date.now();
  await api(`/api/v1/dataset/delete/${d.datasetId}`, { method: 'DELETE' });
  await save('lake-cleanup-completed', await newJob('lake_cleanup', since), 'COMPLETED');
}

/** 6.7 */
async function statisticsCompleted() {
  const d = await trainingDataset();
  const r = await api(`/api/v1/dataset/generate_statistics?dataset_id=${d.datasetId}`, { method: 'POST' });
  await save('statistics-completed', r.workflow_id, 'COMPLETED');
}

/** Statistics of a table that does not exist: the Ray job fails, and so does the workflow. */
async function statisticsFailed() {
  const d = await trainingDataset();
  const input: StatisticsInput = { tenantId: admin.tenantId, datasetId: d.datasetId, table: `silver.${uniq('missing')}` };
  const workflowId = `statistics-${d.datasetId}-${uniq('fail')}`;
  await temporal.workflow.start('statisticsWorkflow', { taskQueue: t.config.temporal.taskQueue, workflowId, args: [input] });
  await save('statistics-failed', workflowId, 'FAILED');
}

/** 11.5: numeric statistics of a datalake column (the API waits for the workflow). */
async function datalakeColumnStatsCompleted() {
  const d = await trainingDataset();
  const since = Date.now();
  await api(`/api/v1/datalake/numeric_stats?schema_name=silver&table_name=${d.table}&column_name=age`);
  await save('datalake-column-stats-completed', await newJob('datalake_column_stats', since), 'COMPLETED');
}

/** 8.1 with shap_enabled: the training, then its SHAP step. */
async function trainCompleted() {
  await save('train-completed', (await model()).workflowId, 'COMPLETED');
}

/** 8.1 on a constant target: the Ray job reports the error, the training fails. */
async function trainFailed() {
  const m = await train({ algorithm: 'linear', columns: roles('const_flag', ['churn', 'segment', 'spend']) });
  await save('train-failed', m.workflowId, 'FAILED');
}

/** 12.1 terminates a training mid-flight. */
async function trainCancelled() {
  const m = await train({ algorithm: 'auto' });
  const rayJobId = await raySubmissionOf(m.workflowId);
  await api(`/api/v1/ray/terminate_ray_job?ray_job_id=${rayJobId}&usage=training`, { method: 'POST' });
  await save('train-cancelled', m.workflowId, 'CANCELLED');
}

/** 8.10 */
async function shapCompleted() {
  const r = await api(`/api/v1/train/generate-feature-importance?train_id=${(await model()).trainId}`);
  await save('shap-completed', r.shap_job_id, 'COMPLETED');
}

const batchPredict = async () =>
  (
    await api('/api/v1/inference/batchPrediction', {
      method: 'POST',
      json: { train_id: (await model()).trainId, dataset_id: (await scoringDataset()).datasetId },
    })
  ).prediction_id as number;

/** 9.2 */
async function batchPredictCompleted() {
  await save('batch-predict-completed', `batch-predict-${await batchPredict()}`, 'COMPLETED');
}

/** 12.1 terminates a batch prediction mid-flight. */
async function batchPredictCancelled() {
  const workflowId = `batch-predict-${await batchPredict()}`;
  const rayJobId = await raySubmissionOf(workflowId);
  await api(`/api/v1/ray/terminate_ray_job?ray_job_id=${rayJobId}&usage=prediction`, { method: 'POST' });
  await save('batch-predict-cancelled', workflowId, 'CANCELLED');
}

/** An upload session's expiry timer: one that fires (no such session or upload: nothing left to abort), one cancelled. */
async function uploadSessionExpiry() {
  const start = (sessionId: number, inMs: number) =>
    temporal.workflow.start('uploadSessionExpiryWorkflow', {
      taskQueue: t.config.temporal.taskQueue,
      workflowId: `upload-session-expiry-${uniq('rec')}`,
      args: [
        {
          sessionId,
          bucket: t.config.s3.bucket,
          key: `tenants/${admin.tenantId}/datasets/0/raw/0-none.csv`,
          uploadId: 'no-such-upload',
          expiresAt: new Date(Date.now() + inMs).toISOString(),
        },
      ],
    });
  const fired = await start(987_654_321, 1_000);
  await save('upload-session-expiry-completed', fired.workflowId, 'COMPLETED');
  const cancelled = await start(987_654_322, 3_600_000);
  await cancelled.cancel();
  await save('upload-session-expiry-cancelled', cancelled.workflowId, 'CANCELLED');
}

/**
 * Jobs that publish webhook events (one receiver answering, one down), and the deliveries: the upload, the training
 * and the batch prediction each start their delivery workflows; one delivery succeeds, the other fails after retries.
 */
async function webhooks() {
  const receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const downPort = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const events = ['upload.validated', 'training.completed', 'prediction.completed'];
  const hook = async (url: string) => (await api('/api/v1/webhooks', { method: 'POST', json: { url, events } })).id as number;
  const good = await hook(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`);
  const down = await hook(`http://127.0.0.1:${downPort}/`);
  try {
    const d = await upload(customersCsv(120, 7), 't');
    await save('upload-validate-webhooks-completed', d.workflowId, 'COMPLETED');
    const delivery = async (hookId: number, event: string) =>
      until(`the ${event} delivery of webhook ${hookId}`, async () =>
        ((await api(`/api/v1/webhooks/${hookId}/deliveries`)).data as any[]).find((x) => x.event === event && x.status !== 'pending'),
      );
    await save('webhook-delivery-delivered', (await delivery(good, 'upload.validated')).workflow_id, 'COMPLETED');
    await save('webhook-delivery-failed', (await delivery(down, 'upload.validated')).workflow_id, 'COMPLETED');
    const m = await train({ algorithm: 'linear', dataset_id: d.datasetId });
    await save('train-webhooks-completed', m.workflowId, 'COMPLETED');
    const r = await api('/api/v1/inference/batchPrediction', {
      method: 'POST',
      json: { train_id: m.trainId, dataset_id: (await scoringDataset()).datasetId },
    });
    await save('batch-predict-webhooks-completed', `batch-predict-${r.prediction_id}`, 'COMPLETED');
  } finally {
    for (const id of [good, down]) await api(`/api/v1/webhooks/${id}`, { method: 'DELETE' });
    receiver.close();
  }
}

const recordings: Array<[string, () => Promise<void>]> = [
  ['lake-probe', lakeProbe],
  ['upload-validate-completed', uploadValidateCompleted],
  ['upload-validate-file-failed', uploadValidateFileFailed],
  ['upload-validate-cancelled', uploadValidateCancelled],
  ['lake-cleanup-completed', lakeCleanupCompleted],
  ['statistics-completed', statisticsCompleted],
  ['statistics-failed', statisticsFailed],
  ['datalake-column-stats-completed', datalakeColumnStatsCompleted],
  ['train-cancelled', trainCancelled],
  ['train-failed', trainFailed],
  ['train-completed', trainCompleted],
  ['shap-completed', shapCompleted],
  ['batch-predict-completed', batchPredictCompleted],
  ['batch-predict-cancelled', batchPredictCancelled],
  ['noop-step-completed', noopStepCompleted],
  ['upload-session-expiry', uploadSessionExpiry],
  ['scheduled-retrain-completed', scheduledRetrainCompleted],
  ['drift', driftCompleted],
  ['webhooks', webhooks],
];

let failures = 0;
try {
  for (const [name, record] of recordings) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    try {
      await record();
    } catch (err) {
      failures++;
      console.error(`FAILED to record ${name}: ${(err as Error).stack ?? err}`);
    }
  }
} finally {
  await worker.stop();
  await t.close();
}
// Exit now: a request timer of the in-process API (11.5 waits up to 2 minutes) would keep the process alive.
process.exit(failures ? 1 : 0);
