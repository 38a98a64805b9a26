// Activities of scheduled retraining (issue 15): start a run's training the way 8.1 does (same checks, same rows,
// same workflow input), and decide its promote-if-better. Both are idempotent by the run's workflow id.
import { randomBytes } from 'node:crypto';
import type { SearchAttributePair } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { jobSearchAttributes } from '../api/temporal/start-job.js';
import { HttpError } from '../api/errors.js';
import { prepareTraining, sha256 } from '../api/services/train.js';
import type { ScheduledRetrainInput } from '../contracts/retrain-schedules.js';
import type { CreateTrainingBody } from '../contracts/train.js';
import type { TrainWorkflowInput } from '../contracts/train-workflows.js';
import type { Database } from '../db/database.js';
import { lockAliasTarget, setAliasIn } from '../db/repositories/model-aliases.js';
import * as runs from '../db/repositories/retrain-schedules.js';
import { findTrainingById, latestTrainingsOfPredictor, setCallbackSecret, setTrainingStatus } from '../db/repositories/train.js';
import type { PromotionRecord } from '../db/tables/lifecycle.js';

export type RetrainStart =
  | { ok: true; trainingId: number; trainWorkflowId: string; input: TrainWorkflowInput; searchAttributes: SearchAttributePair[] }
  | { ok: false; error: string };

/** The rule, in the words recorded with every decision. */
export const PROMOTION_RULE =
  "promote only if the new version's headline validation metric is strictly greater than the alias's current version's " +
  '(same metric; an alias without a version is set)';

/** Who scheduled changes are recorded as (trainings' created_by, the alias history). */
export const scheduleActor = (name: string) => `schedule:${name}`;

/** The input as stored on the run: without the callback secret, which only the workflow's history carries. */
const withoutSecret = (input: TrainWorkflowInput) => ({ ...input, job: { ...input.job, callbackSecret: undefined } });

export function createRetrainActivities({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * Starts the run: the training body is the predictor's newest completed version's (dataset, roles, algorithm,
     * budgets, seed), on what its dataset holds now. A check that fails (a version still training, a dataset no
     * longer valid) ends the run as Failed with the check's message, not the activity.
     */
    async startScheduledRetrain(a: ScheduledRetrainInput & { workflowId: string }): Promise<RetrainStart> {
      const again = await runs.findRunByWorkflow(db, a.workflowId);
      if (again) {
        if (!again.training_id) return { ok: false, error: again.error ?? 'the run did not start a training' };
        if (!again.train_input) {
          // Interrupted between the rows' commit and the input's: that version can never start.
          const error = 'the run was interrupted while starting its training';
          await setTrainingStatus(db, again.training_id, { status: 'Failed', error });
          await runs.finishRun(db, a.workflowId, { status: 'Failed', error });
          return { ok: false, error };
        }
        // Started before this attempt: the same training, with a new secret (the first one was never handed out).
        const secret = randomBytes(24).toString('base64url');
        await setCallbackSecret(db, again.training_id, sha256(secret));
        const input = again.train_input as unknown as TrainWorkflowInput;
        const training = await findTrainingById(db, again.training_id);
        return {
          ok: true,
          trainingId: again.training_id,
          trainWorkflowId: training!.workflow_id,
          input: { ...input, job: { ...input.job, callbackSecret: secret } },
          searchAttributes: jobSearchAttributes({ kind: 'train', tenantId: a.tenantId, resourceId: again.training_id }),
        };
      }
      const schedule = await runs.findScheduleById(db, a.tenantId, a.scheduleId);
      if (!schedule) return { ok: false, error: 'the schedule no longer exists' };
      const fail = async (error: string): Promise<RetrainStart> => {
        await runs.insertRun(db, {
          tenantId: a.tenantId,
          scheduleId: schedule.id,
          workflowId: a.workflowId,
          trainingId: null,
          status: 'Failed',
          error,
        });
        return { ok: false, error };
      };
      const { completed } = await latestTrainingsOfPredictor(db, schedule.predictor_id);
      if (!completed) return fail(`predictor "${schedule.predictor_name}" has no completed version to retrain`);
      const predictor = await db
        .selectFrom('predictors')
        .select('domain')
        .where('id', '=', schedule.predictor_id)
        .executeTakeFirstOrThrow();
      const config = completed.config as Record<string, number | null | undefined>;
      const body: CreateTrainingBody = {
        dataset_id: completed.dataset_id,
        predictor_name: schedule.predictor_name,
        domain: predictor.domain,
        problem_type: completed.problem_type as CreateTrainingBody['problem_type'],
        columns: completed.columns as CreateTrainingBody['columns'],
        is_incremental: schedule.mode === 'incremental',
        algorithm: completed.algorithm as CreateTrainingBody['algorithm'],
        shap_enabled: completed.shap_enabled,
        seed: completed.seed,
        ...(config.time_budget_seconds ? { time_budget_seconds: config.time_budget_seconds } : {}),
        ...(config.max_trials ? { max_trials: config.max_trials } : {}),
        ...(config.forecast_horizon ? { forecast_horizon: config.forecast_horizon } : {}),
      };
      try {
        const { training, input } = await prepareTraining({ db }, { tenantId: a.tenantId, username: scheduleActor(schedule.name) }, body, {
          newVersion: schedule.mode === 'full',
          // The run is recorded with its training, so that a retried attempt finds both.
          inTransaction: (trx, row) =>
            runs
              .insertRun(trx, {
                tenantId: a.tenantId,
                scheduleId: schedule.id,
                workflowId: a.workflowId,
                trainingId: row.id,
                status: 'Running',
              })
              .then(() => undefined),
        });
        await runs.setRunInput(db, a.workflowId, withoutSecret(input));
        return {
          ok: true,
          trainingId: training.id,
          trainWorkflowId: training.workflow_id,
          input,
          searchAttributes: jobSearchAttributes({ kind: 'train', tenantId: a.tenantId, resourceId: training.id }),
        };
      } catch (err) {
        if (err instanceof HttpError && err.status < 500) return fail(err.message);
        throw err;
      }
    },

    /**
     * The run's outcome, and for a promoting schedule the decision, recorded in one transaction with the alias move
     * (a retried attempt finds the decision already recorded and returns it).
     */
    async finishScheduledRetrain(a: {
      tenantId: string;
      scheduleId: number;
      workflowId: string;
      trainingId: number;
      error?: string;
    }): Promise<PromotionRecord | null> {
      return db.transaction().execute(async (trx) => {
        const run = await runs.findRunByWorkflow(trx, a.workflowId, true);
        if (run?.status !== 'Running') return run?.promotion ?? null;
        if (a.error) {
          await runs.finishRun(trx, a.workflowId, { status: 'Failed', error: a.error });
          return null;
        }
        const schedule = await runs.findScheduleById(trx, a.tenantId, a.scheduleId);
        if (!schedule?.promote_alias) {
          await runs.finishRun(trx, a.workflowId, { status: 'Completed' });
          return null;
        }
        const alias = schedule.promote_alias;
        const fresh = await findTrainingById(trx, a.trainingId);
        const currentId = await lockAliasTarget(trx, schedule.predictor_id, alias);
        const current = currentId === undefined ? undefined : await findTrainingById(trx, currentId);
        const metricOf = (t: typeof fresh) => (t?.metrics as { headline_metric?: string } | null)?.headline_metric ?? null;
        const newValue = fresh?.accuracy ?? null;
        const currentValue = current?.accuracy ?? null;
        let promote: boolean;
        if (!current) promote = newValue !== null;
        else promote = newValue !== null && currentValue !== null && metricOf(fresh) === metricOf(current) && newValue > currentValue;
        const promotion: PromotionRecord = {
          alias,
          decision: promote ? 'promoted' : 'refused',
          rule: PROMOTION_RULE,
          metric: metricOf(fresh),
          new_value: newValue,
          current_train_id: currentId ?? null,
          current_value: currentValue,
        };
        if (promote) {
          await setAliasIn(trx, {
            tenantId: a.tenantId,
            predictorId: schedule.predictor_id,
            alias,
            trainingId: a.trainingId,
            username: scheduleActor(schedule.name),
            reason: current
              ? `${promotion.metric} ${newValue} > ${currentValue} (version ${current.version})`
              : `${promotion.metric} ${newValue}; the alias had no version`,
          });
        }
        await runs.finishRun(trx, a.workflowId, { status: 'Completed', promotion });
        return promotion;
      });
    },
  };
}
