// What a prediction request needs of its model, answered as the request's error (409 or 422).
import { conflict, unprocessable } from '../errors.js';
import type { ServedModel } from '../serving/served-model.js';

/** A model a prediction may use: completed (409 while it trains, or when it failed / was cancelled). */
export function assertUsable(m: ServedModel): void {
  if (m.status !== 'Completed') {
    throw conflict(`The model is ${m.status}; predictions need a Completed model`, { status: m.status });
  }
  if (!m.modelKey) throw conflict('The model has no stored artifact');
}

export function assertProblem(m: ServedModel, wanted: 'tabular' | 'Forecast', path = 'train_id'): void {
  const ok = wanted === 'Forecast' ? m.problemType === 'Forecast' : m.problemType !== 'Forecast';
  if (!ok) {
    const use = m.problemType === 'Forecast' ? 'use 9.4 /api/v1/inference/forecast' : 'forecasts need a Forecast model';
    throw unprocessable(`${path}: model ${m.trainingId} is a ${m.problemType} model; ${use}`, [
      { path, message: `a ${m.problemType} model`, code: 'wrong_problem_type' },
    ]);
  }
}

export function assertPreprocess(m: ServedModel, preprocessId: number): void {
  if (m.preprocessId !== preprocessId) {
    throw unprocessable(
      `preprocess_id: ${preprocessId} is not the preprocessing record of model ${m.trainingId} (${m.preprocessId}); see 9.3`,
      [{ path: 'preprocess_id', message: `the model's preprocess_id is ${m.preprocessId}`, code: 'preprocess_mismatch' }],
    );
  }
}
