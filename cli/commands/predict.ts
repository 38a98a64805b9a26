import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type DatamlClient, unwrap } from '../../clients/ts/src/index.js';
import { signedIn } from '../context.js';
import { CliError, EXIT, usageError } from '../errors.js';
import { jobBar, printFields, printJson, printTable } from '../output.js';
import { collectPairs, intArg, jsonArg } from './args.js';
import { requireCompleted } from './jobs.js';

type Cell = string | number | boolean | null;

/** A flag's text as the column's type (from 9.3): numbers and booleans typed, empty = missing. */
function typed(value: string, dataType: string, column: string): Cell {
  if (value === '') return null;
  if (dataType === 'Integer' || dataType === 'Float') {
    const n = Number(value);
    if (!Number.isFinite(n)) throw usageError(`--set ${column}: a number is expected, got "${value}"`);
    return n;
  }
  if (dataType === 'Boolean') {
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
    throw usageError(`--set ${column}: true or false is expected, got "${value}"`);
  }
  return value;
}

async function trainingOf(client: DatamlClient, trainId: number) {
  const list = unwrap(await client.api.GET('/api/v1/train/list'));
  const t = list.data.find((x) => x.id === trainId);
  if (!t) throw new CliError(`Model ${trainId} not found`, EXIT.failed);
  if (!t.preprocess_id) throw new CliError(`Model ${trainId} is not trained (${t.training_status})`, EXIT.failed);
  return t;
}

export function predictCommand(program: Command) {
  program
    .command('predict')
    .description('Predict one row (from --set flags or --row JSON), or a whole dataset (--dataset, results downloaded)')
    .requiredOption('-m, --model <train_id>', 'the trained model (training id)')
    .option('--set <column=value>', 'a feature value (repeatable)', collectPairs)
    .option('--row <json>', 'the features as a JSON object, or @file.json')
    .option('-d, --dataset <dataset_id>', 'batch: a validated prediction dataset')
    .option('-o, --out <file>', 'batch: where to write the CSV (default predictions-<id>.csv)')
    .action(async (o: { model: string; set?: Record<string, string>; row?: string; dataset?: string; out?: string }, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const trainId = intArg(o.model, '--model');
      const modes = [o.set, o.row, o.dataset].filter((x) => x !== undefined).length;
      if (modes !== 1) throw usageError('give exactly one of --set (repeatable), --row or --dataset');

      if (o.dataset) {
        const datasetId = intArg(o.dataset, '--dataset');
        const started = unwrap(
          await client.api.POST('/api/v1/inference/batchPrediction', { body: { train_id: trainId, dataset_id: datasetId } }),
        );
        const found = await client.findJob('batch_predict', started.prediction_id);
        const bar = jobBar(!json, 'predict');
        let job;
        try {
          job = await client.waitForJob(found.workflow_id, { onProgress: (j) => bar.update(j) });
        } finally {
          bar.stop();
        }
        const result = unwrap(
          await client.api.GET('/api/v1/inference/result', { params: { query: { prediction_id: started.prediction_id } } }),
        );
        if (job.status !== 'Completed') {
          if (json) printJson({ prediction: started, job, result });
          requireCompleted(job, 'Batch prediction');
        }
        const out = o.out ?? `predictions-${started.prediction_id}.csv`;
        const res = await client.download('/api/v1/inference/result/download', { prediction_id: started.prediction_id });
        await pipeline(Readable.fromWeb(res.body! as never), createWriteStream(out));
        if (json) return printJson({ prediction: started, job, result, file: out });
        process.stdout.write(`Predicted ${result.no_of_records ?? '?'} rows; results in ${out}\n`);
        return;
      }

      const form = unwrap(await client.api.GET('/api/v1/inference/form-based-prediction', { params: { query: { id: trainId } } }));
      let features: Record<string, Cell>;
      if (o.row !== undefined) {
        const parsed = await jsonArg(o.row, '--row');
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw usageError('--row must be a JSON object of column: value');
        features = parsed as Record<string, Cell>;
      } else {
        const types = new Map(form.headers.map((h) => [h.column_name, h.data_type]));
        features = {};
        for (const [k, v] of Object.entries(o.set ?? {})) {
          const type = types.get(k);
          if (!type) throw usageError(`--set ${k}: the model has no input "${k}" (inputs: ${[...types.keys()].join(', ')})`);
          features[k] = typed(v, type, k);
        }
      }
      const res = unwrap(
        await client.api.POST('/api/v1/inference/', {
          body: { train_id: trainId, preprocess_id: form.preprocess_id, target: form.target, features },
        }),
      );
      if (json) return printJson(res);
      printFields({ [form.target]: res.prediction });
      if (res.probabilities) printTable(Object.entries(res.probabilities).map(([cls, p]) => ({ class: cls, probability: p })));
    });

  program
    .command('forecast')
    .description('Forecast a series of a Forecast model, as a table')
    .requiredOption('-m, --model <train_id>', 'the trained Forecast model')
    .requiredOption('--series <unique_id>', 'the series key')
    .requiredOption('--steps <n>', 'how many steps ahead')
    .requiredOption('--frequency <freq>', "the model's frequency (Day, Week, Month, …)")
    .option('--exogenous <json>', 'future values of exogenous columns: a JSON array, one object per step, or @file.json')
    .action(async (o: { model: string; series: string; steps: string; frequency: string; exogenous?: string }, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const trainId = intArg(o.model, '--model');
      const training = await trainingOf(client, trainId);
      const exogenous = o.exogenous === undefined ? undefined : await jsonArg(o.exogenous, '--exogenous');
      if (exogenous !== undefined && !Array.isArray(exogenous)) throw usageError('--exogenous must be a JSON array');
      const res = unwrap(
        await client.api.POST('/api/v1/inference/forecast', {
          body: {
            train_id: trainId,
            preprocess_id: training.preprocess_id!,
            steps: intArg(o.steps, '--steps'),
            frequency: o.frequency,
            unique_id: o.series,
            ...(exogenous ? { exogenous: exogenous as never } : {}),
          },
        }),
      );
      if (json) return printJson(res);
      printTable(res.forecast, ['date', 'value', 'lower', 'upper', 'confidence']);
    });
}
