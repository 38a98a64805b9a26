import type { Command } from 'commander';
import { type DatamlClient, type Schemas, unwrap } from '../../clients/ts/src/index.js';
import { signedIn } from '../context.js';
import { usageError } from '../errors.js';
import { jobBar, printFields, printJson, printTable } from '../output.js';
import { csvList, intArg } from './args.js';
import { requireCompleted } from './jobs.js';

type ProblemType = Schemas['CreateTrainingBody']['problem_type'];
const PROBLEMS: readonly ProblemType[] = ['Classification', 'Regression', 'Forecast'];

interface TrainOpts {
  dataset: string;
  name: string;
  problem: string;
  target: string;
  idColumn?: string;
  time?: string;
  ignore?: string[];
  algorithm?: string;
  domain: string;
  timeBudget?: string;
  horizon?: string;
  seed?: string;
  shap?: boolean;
  wait: boolean;
}

/** Column roles from the flags, checked against the dataset's columns (8.2) so a typo is a usage error. */
async function columnRoles(client: DatamlClient, datasetId: number, o: TrainOpts, problem: ProblemType) {
  const details = unwrap(
    await client.api.POST('/api/v1/train/get_details', {
      body: { dataset_id: datasetId, predictor_name: o.name, domain: o.domain, problem_type: problem },
    }),
  );
  const names = new Set(details.dataset_schema.map((c) => c.column_name));
  for (const [flag, col] of [
    ['--target', o.target],
    ['--id-column', o.idColumn],
    ['--time', o.time],
    ...(o.ignore ?? []).map((c) => ['--ignore', c]),
  ] as const) {
    if (col && !names.has(col)) throw usageError(`${flag}: the dataset has no column "${col}" (columns: ${[...names].join(', ')})`);
  }
  const role = (c: string): Schemas['TrainColumn']['attribute_name'] =>
    c === o.target ? 'Target' : c === o.idColumn ? 'Id' : c === o.time ? 'Time' : o.ignore?.includes(c) ? 'Ignore' : 'Feature';
  return details.dataset_schema.map((c) => ({ column_name: c.column_name, data_type: c.data_type, attribute_name: role(c.column_name) }));
}

export function trainCommand(program: Command) {
  program
    .command('train')
    .description('Train a model on a dataset; follows the training live and prints the metrics and the leaderboard')
    .requiredOption('-d, --dataset <dataset_id>', 'a validated training dataset')
    .requiredOption('-n, --name <predictor_name>', 'predictor name')
    .requiredOption('-p, --problem <type>', `problem type: ${PROBLEMS.join(', ')}`)
    .requiredOption('--target <column>', 'the column to predict')
    .option('--id-column <column>', 'row id (for Forecast: the series key)')
    .option('--time <column>', 'the time column (Forecast)')
    .option('--ignore <columns>', 'comma-separated columns to leave out', csvList)
    .option('-a, --algorithm <name>', 'auto (default), xgboost, lightgbm, random_forest, extra_trees, linear, gam, ets, arima')
    .option('--domain <domain>', 'business domain label', 'General')
    .option('--time-budget <seconds>', 'time budget of auto')
    .option('--horizon <steps>', 'forecast horizon')
    .option('--seed <n>', 'random seed')
    .option('--shap', 'compute SHAP feature importance after training')
    .option('--no-wait', 'return once the training has started')
    .action(async (o: TrainOpts, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const problem = PROBLEMS.find((p) => p.toLowerCase() === o.problem.toLowerCase());
      if (!problem) throw usageError(`--problem must be one of ${PROBLEMS.join(', ')}`);
      const datasetId = intArg(o.dataset, '--dataset');
      const columns = await columnRoles(client, datasetId, o, problem);
      const started = unwrap(
        await client.api.POST('/api/v1/train/', {
          body: {
            dataset_id: datasetId,
            predictor_name: o.name,
            domain: o.domain,
            problem_type: problem,
            columns,
            is_incremental: false,
            // The server normalises the spelling ("XGBoost" is xgboost) and answers 422 for an unknown one.
            algorithm: (o.algorithm ?? 'auto') as Schemas['CreateTrainingBody']['algorithm'],
            shap_enabled: Boolean(o.shap),
            ...(o.timeBudget ? { time_budget_seconds: Number(o.timeBudget) } : {}),
            ...(o.horizon ? { forecast_horizon: intArg(o.horizon, '--horizon') } : {}),
            ...(o.seed ? { seed: Number(o.seed) } : {}),
          },
        }),
      );
      if (!o.wait) {
        if (json) return printJson({ training: started });
        process.stdout.write(`Training ${started.id} started: job ${started.workflow_id}\n`);
        return;
      }
      const bar = jobBar(!json, 'train');
      let job;
      try {
        job = await client.waitForJob(started.workflow_id, { onProgress: (j) => bar.update(j) });
      } finally {
        bar.stop();
      }
      if (job.status !== 'Completed') {
        if (json) printJson({ training: started, job });
        requireCompleted(job, 'Training');
      }
      const summary = unwrap(await client.api.GET('/api/v1/train/model-summary', { params: { query: { train_id: started.id } } }));
      if (json) return printJson({ training: started, job, model_summary: summary });
      const { leaderboard, ...metrics } = summary.model_summary as Record<string, unknown> & {
        leaderboard?: Array<Record<string, unknown>>;
      };
      process.stdout.write(`Training ${started.id} completed in ${Math.round(job.duration_seconds)} s\n`);
      printFields(Object.fromEntries(Object.entries(metrics).filter(([, v]) => typeof v !== 'object' || v === null)));
      if (leaderboard?.length) {
        process.stdout.write('Leaderboard:\n');
        printTable(leaderboard);
      }
    });
}
