// Predictions (9.x): real-time and forecasts from the serving engine (api/serving/), batch predictions as
// workflows, and the records and results of them all.
import type { ModelRef } from '../../contracts/aliases.js';
import type {
  BatchPredictionBody,
  ForecastBody,
  PredictionRecord,
  RealtimePredictionBody,
  RealtimePredictionResponse,
} from '../../contracts/inference.js';
import type { BatchPredictWorkflowInput } from '../../contracts/inference-workflows.js';
import type { TemplateDataType } from '../../contracts/templates.js';
import { workflowIds } from '../../contracts/workflows.js';
import * as repo from '../../db/repositories/predictions.js';
import { datasetForTraining } from '../../db/repositories/train.js';
import type { AppDeps, Principal } from '../deps.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import { type Page, trimPage } from '../paging.js';
import { typeFeatures } from '../serving/features.js';
import { PythonModelError } from '../serving/python-models.js';
import { labelName, traceOf, type ServedModel } from '../serving/served-model.js';
import { predictionCsvKey } from '../storage/keys.js';
import { openObject, type OpenedObject } from '../storage/objects.js';
import { startJobOrMarkFailed } from '../temporal/start-job.js';
import { assertPreprocess, assertProblem, assertUsable } from './model-checks.js';
import { resolveModelRef } from './model-aliases.js';

type Issue = { path: string; message: string; code: string };
const fail = (issues: Issue[]) => unprocessable(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
const lower = (s: string) => s.toLowerCase() as PredictionRecord['status'];

/** 9.1: one row through the model (ONNX when it has a session, else the Python model server). */
export async function realtimePrediction(
  deps: AppDeps,
  principal: Principal,
  body: RealtimePredictionBody,
): Promise<RealtimePredictionResponse> {
  const state = deps.serving;
  const m = await state.models.model(principal.tenantId, await resolveModelRef(deps, principal.tenantId, body.train_id));
  assertUsable(m);
  assertProblem(m, 'tabular');
  // By alias the version changes under the caller, and its own preprocessing always runs: nothing to check.
  if (typeof body.train_id === 'number') assertPreprocess(m, body.preprocess_id);
  if (body.target !== m.target)
    throw fail([{ path: 'target', message: `the model predicts "${m.target}", not "${body.target}"`, code: 'target_mismatch' }]);
  const row = typeFeatures(m.features, m.otherColumns, body.features);
  const classification = m.problemType === 'Classification';
  let out: RealtimePredictionResponse;
  let serving: string;
  // Contributions come from the pipeline itself (the boosters' TreeSHAP output), which the ONNX graph does not
  // compute: an explained row goes to the Python model server, a prediction alone stays on ONNX.
  if (m.onnxKey && !body.explain) {
    const p = await timed(deps, 'onnx', () => state.onnx.predict(m.onnxKey!, m.features, row, classification));
    out = classification
      ? {
          prediction: m.classLabels[p!.label] as RealtimePredictionResponse['prediction'],
          accuracy: m.accuracy,
          probabilities: Object.fromEntries(m.classLabels.map((l, i) => [labelName(l), p!.probabilities![i]!])),
        }
      : { prediction: p!.label, accuracy: m.accuracy };
    serving = 'onnx';
  } else {
    const plain = Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && Number.isNaN(v) ? null : v === '' ? null : v]),
    );
    const [p] = await timed(deps, 'python', () => state.python.predict(m.modelKey!, [plain], body.explain));
    out = {
      prediction: p!.prediction as RealtimePredictionResponse['prediction'],
      accuracy: m.accuracy,
      ...(p!.probabilities ? { probabilities: p!.probabilities } : {}),
      ...(p!.explanation ? { explanation: p!.explanation } : {}),
    };
    serving = 'python';
  }
  state.recorder.record(traceOf(m), principal.username, serving);
  state.driftSampler.offer(principal.tenantId, m.trainingId, modelInputs(m, body.features));
  return out;
}

/** The request's values of the model's inputs (what drift compares with the training snapshot). */
function modelInputs(m: ServedModel, features: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    m.features.filter((f) => Object.hasOwn(features, f.column_name)).map((f) => [f.column_name, features[f.column_name]]),
  );
}

/** `run`, timed into the inference latency metric when the deps have metrics. */
const timed = <T>(deps: AppDeps, engine: string, run: () => Promise<T>): Promise<T> =>
  deps.metrics ? deps.metrics.timeInference(engine, run) : run();

/** 9.3: the inputs a form for the model asks for. */
export async function predictionForm(deps: AppDeps, tenantId: string, ref: ModelRef) {
  const m = await deps.serving.models.model(tenantId, await resolveModelRef(deps, tenantId, ref), true);
  assertUsable(m);
  const headers = m.features.map((f) => ({
    column_name: f.column_name,
    data_type: f.data_type as TemplateDataType,
    default_value: f.default_value,
  }));
  return { id: m.trainingId, headers, target: m.target, preprocess_id: m.preprocessId! };
}

/** The dataset's columns against the model's inputs: every input present with the model's data type. */
function datasetIssues(m: ServedModel, d: NonNullable<Awaited<ReturnType<typeof datasetForTraining>>>): Issue[] {
  if (d.usage !== 'p')
    return [
      {
        path: 'dataset_id',
        message: `dataset ${d.id} is marked for training (usage "${d.usage}"); upload the rows to predict with usage "p"`,
        code: 'wrong_usage',
      },
    ];
  if (d.is_valid === null)
    return [
      {
        path: 'dataset_id',
        message: `dataset ${d.id} is still being validated; retry when its files are validated`,
        code: 'not_validated',
      },
    ];
  if (d.is_valid === false)
    return [{ path: 'dataset_id', message: `dataset ${d.id} is not valid (some files failed validation)`, code: 'invalid_dataset' }];
  if (!d.fileSnapshotIds.length) return [{ path: 'dataset_id', message: `dataset ${d.id} has no validated rows`, code: 'empty_dataset' }];
  const byName = new Map(d.schema.map((c) => [c.column_name, c]));
  const issues: Issue[] = [];
  for (const f of m.features) {
    const col = byName.get(f.column_name);
    if (!col)
      issues.push({
        path: 'dataset_id',
        message: `the dataset has no column "${f.column_name}" (${f.data_type}), an input of model ${m.trainingId}`,
        code: 'missing_column',
      });
    else if (col.data_type !== f.data_type)
      issues.push({
        path: 'dataset_id',
        message: `column "${f.column_name}" is ${col.data_type} in the dataset but ${f.data_type} for the model`,
        code: 'type_mismatch',
      });
  }
  return issues;
}

/** 9.2: checks the model and the dataset, records the prediction and starts its workflow; returns its id. */
export async function startBatchPrediction(deps: AppDeps, principal: Principal, body: BatchPredictionBody): Promise<number> {
  const { tenantId, username } = principal;
  const m = await deps.serving.models.model(tenantId, await resolveModelRef(deps, tenantId, body.train_id), true);
  assertUsable(m);
  assertProblem(m, 'tabular');
  const d = await datasetForTraining(deps.db, tenantId, body.dataset_id);
  if (!d) throw fail([{ path: 'dataset_id', message: `no dataset ${body.dataset_id} in your tenant`, code: 'not_found' }]);
  const issues = datasetIssues(m, d);
  if (issues.length) throw fail(issues);

  const p = await repo.insertPrediction(deps.db, {
    ...traceOf(m),
    type: 'batch',
    datasetId: d.id,
    inputData: `dataset_id:${d.id}`,
    status: 'Submitted',
    username,
    serving: 'ray-batch',
  });
  const workflowId = workflowIds.batchPredict(p.id);
  await repo.setWorkflowId(deps.db, p.id, workflowId);
  const input: BatchPredictWorkflowInput = {
    predictionId: p.id,
    tenantId,
    username,
    job: {
      predictionId: p.id,
      tenantId,
      trainId: m.trainingId,
      table: `silver.${d.iceberg_table_name}`,
      modelKey: m.modelKey!,
      outputTable: `gold.prediction_${p.id}`,
      bucket: deps.config.s3.bucket,
      csvKey: predictionCsvKey(tenantId, p.id),
      ...(body.explain ? { explain: true } : {}),
    },
  };
  await startJobOrMarkFailed(
    deps.temporal,
    deps.config,
    { workflow: 'batchPredictWorkflow', workflowId, args: [input] as never, kind: 'batch_predict', tenantId, resourceId: p.id },
    (err) =>
      repo.setPredictionStatus(deps.db, p.id, {
        status: 'Failed',
        error: `could not start the batch prediction workflow: ${err.message}`,
      }),
  );
  deps.log.info({ workflowId, predictionId: p.id, trainId: m.trainingId }, 'batch prediction started');
  return p.id;
}

/** Names of the pandas frequencies a Forecast model records, as a request may give them (9.4 `frequency`). */
const FREQUENCY_NAMES: Record<string, string[]> = {
  D: ['day', 'daily', 'd'],
  B: ['business day', 'businessday', 'b'],
  W: ['week', 'weekly', 'w'],
  M: ['month', 'monthly', 'm'],
  MS: ['month', 'monthly', 'ms'],
  ME: ['month', 'monthly', 'me'],
  Q: ['quarter', 'quarterly', 'q'],
  QS: ['quarter', 'quarterly', 'qs'],
  QE: ['quarter', 'quarterly', 'qe'],
  A: ['year', 'yearly', 'annual', 'a'],
  Y: ['year', 'yearly', 'annual', 'y'],
  YS: ['year', 'yearly', 'annual', 'ys'],
  YE: ['year', 'yearly', 'annual', 'ye'],
  H: ['hour', 'hourly', 'h'],
  h: ['hour', 'hourly', 'h'],
  min: ['minute', 'min'],
  T: ['minute', 't'],
};

export function frequencyMatches(modelFreq: string, asked: string): boolean {
  const a = asked.trim().toLowerCase();
  if (a === modelFreq.toLowerCase()) return true;
  const base = modelFreq.split('-')[0]!.replace(/^\d+/, '');
  return (FREQUENCY_NAMES[base] ?? [base.toLowerCase()]).includes(a);
}

/** 9.4: `steps` future values of one series of a Forecast model. */
export async function forecast(deps: AppDeps, principal: Principal, body: ForecastBody) {
  const state = deps.serving;
  const m = await state.models.model(principal.tenantId, await resolveModelRef(deps, principal.tenantId, body.train_id), true);
  assertUsable(m);
  assertProblem(m, 'Forecast');
  if (typeof body.train_id === 'number') assertPreprocess(m, body.preprocess_id); // as in 9.1
  const resolved = (m.config.resolved ?? {}) as { frequency?: string; exogenous?: string[] };
  const freq = resolved.frequency ?? '';
  if (!frequencyMatches(freq, body.frequency)) {
    throw fail([
      {
        path: 'frequency',
        message: `the model forecasts at its data's frequency "${freq}" (${(FREQUENCY_NAMES[freq.split('-')[0]!] ?? [])[0] ?? freq}), not "${body.frequency}"`,
        code: 'frequency_mismatch',
      },
    ]);
  }
  const exog = resolved.exogenous ?? [];
  let exogenous: Array<Record<string, number>> | undefined;
  // Without future values a model trained with covariates still forecasts (its fallback uses their past values
  // only); the answer's `covariates` says how each one was used.
  if (exog.length && body.exogenous) {
    const issues: Issue[] = [];
    exogenous = body.exogenous.map((e, i) => {
      const row: Record<string, number> = {};
      for (const k of Object.keys(e))
        if (!exog.includes(k))
          issues.push({
            path: `exogenous.${i}.${k}`,
            message: `not an exogenous column of the model (${exog.join(', ')})`,
            code: 'unknown_feature',
          });
      for (const k of exog) {
        const v = e[k];
        const n =
          typeof v === 'number'
            ? v
            : typeof v === 'boolean'
              ? Number(v)
              : typeof v === 'string' && v.trim() !== ''
                ? Number(v)
                : Number.NaN;
        if (!Number.isFinite(n))
          issues.push({
            path: `exogenous.${i}.${k}`,
            message: v === undefined || v === null ? 'required' : `expected a number, got ${JSON.stringify(v)}`,
            code: 'invalid_type',
          });
        row[k] = n;
      }
      return row;
    });
    if (issues.length) throw fail(issues);
  } else if (body.exogenous?.some((e) => Object.keys(e).length)) {
    throw fail([{ path: 'exogenous', message: 'the model uses no exogenous columns', code: 'not_used' }]);
  }
  if (body.dataset_id !== undefined && !(await datasetForTraining(deps.db, principal.tenantId, body.dataset_id))) {
    throw fail([{ path: 'dataset_id', message: `no dataset ${body.dataset_id} in your tenant`, code: 'not_found' }]);
  }
  let answer;
  try {
    answer = await timed(deps, 'python_forecast', () => state.python.forecast(m.modelKey!, body.unique_id, body.steps, exogenous));
  } catch (err) {
    if (err instanceof PythonModelError && err.code === 'unknown_series')
      throw notFound(`Series "${body.unique_id}" of model ${m.trainingId}`);
    if (err instanceof PythonModelError && err.code === 'invalid') throw fail([{ path: 'body', message: err.message, code: 'invalid' }]);
    throw err;
  }
  await repo.insertPrediction(deps.db, {
    ...traceOf(m),
    type: 'forecast',
    datasetId: body.dataset_id ?? null,
    inputData: `unique_id:${body.unique_id};steps:${body.steps}`,
    status: 'Completed',
    username: principal.username,
    noOfRecords: answer.forecast.length,
    serving: 'python',
  });
  return answer;
}

function resultPaths(p: { id: number; status: string; result_path: string | null }) {
  const done = p.status === 'Completed';
  return {
    result_path: done ? p.result_path : null,
    download_path: done ? `/api/v1/inference/result/download?prediction_id=${p.id}` : null,
  };
}

async function ownBatchPrediction(deps: AppDeps, tenantId: string, predictionId: number) {
  const p = await repo.findPrediction(deps.db, tenantId, predictionId);
  if (p?.prediction_type !== 'batch') throw notFound('Batch prediction');
  return p;
}

/** 9.5: a batch prediction's status and, once completed, where its result is. */
export async function predictionResult(deps: AppDeps, tenantId: string, predictionId: number) {
  const p = await ownBatchPrediction(deps, tenantId, predictionId);
  return {
    status: lower(p.effective_status),
    ...resultPaths({ id: p.id, status: p.status, result_path: p.result_path }),
    file_id: null,
    dataset_id: Number(p.dataset_id),
    no_of_records: p.no_of_records == null ? null : Number(p.no_of_records),
    output_table: p.status === 'Completed' ? p.output_table : null,
    error: p.error,
  };
}

/** 9.6: the completed batch prediction's CSV, opened for streaming. */
export async function openPredictionResult(deps: AppDeps, tenantId: string, predictionId: number): Promise<OpenedObject> {
  const p = await ownBatchPrediction(deps, tenantId, predictionId);
  if (p.status !== 'Completed' || !p.csv_key) throw conflict(`The batch prediction is ${p.effective_status}; nothing to download yet`);
  return openObject(deps.s3, deps.config.s3.bucket, p.csv_key);
}

/** 9.7: the predictions made with a model (real-time ones counted per minute). */
export async function listPredictions(deps: AppDeps, principal: Principal, train_id: number, page: Page) {
  const state = deps.serving;
  await state.models.model(principal.tenantId, train_id, true);
  await state.recorder.flush();
  const { total, rows } = await repo.listPredictionsOfTraining(deps.db, principal.tenantId, train_id, page);
  const { data: pageRows, paging } = trimPage(rows, page);
  const data: PredictionRecord[] = pageRows.map((r) => ({
    prediction_id: Number(r.id),
    train_id: Number(r.training_id),
    date: (r.minute ?? r.created_at).toISOString(),
    dataset_id: r.dataset_id == null ? null : Number(r.dataset_id),
    predictor_name: r.predictor_name,
    prediction_type: r.prediction_type,
    input_data: r.input_data,
    status: lower(r.effective_status),
    no_of_records: r.no_of_records == null ? null : Number(r.no_of_records),
    accuracy: r.accuracy,
    problem_type: r.problem_type as PredictionRecord['problem_type'],
    domain_name: r.domain,
    model_version: r.model_version,
    preprocess_id: r.preprocess_id == null ? null : Number(r.preprocess_id),
    train_snapshot_id: r.train_snapshot_id,
    serving: r.serving,
    result_path: r.status === 'Completed' ? r.result_path : null,
  }));
  return { data, total, ...paging };
}
