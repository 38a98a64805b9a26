// The 8.7 / 8.11 callbacks carry no bearer token: the per-job secret (X-Callback-Secret) is their
// authentication. It is checked before the body is validated, so that without a valid secret a caller gets
// 401 whatever it sends (not a 422 describing the body), and learns nothing about which trainings exist.
import { createMiddleware } from 'hono/factory';
import { findTrainingById, type TrainingRecord } from '../../../db/repositories/train.js';
import type { AppEnv } from '../../deps.js';
import { HttpError } from '../../errors.js';
import { secretMatches } from '../../services/train.js';

/** What a callback handler sees: the training whose secret the caller presented. */
export interface CallbackEnv {
  Variables: AppEnv['Variables'] & { callbackTraining: TrainingRecord };
}

const unauthorizedCallback = () => new HttpError(401, 'unauthorized', 'A valid X-Callback-Secret for this job is required');

/** 401 unless X-Callback-Secret is the secret of the training named by `idField` in the JSON body. */
export const requireCallbackSecret = (idField: 'train_id' | 'training_id') =>
  createMiddleware<CallbackEnv>(async (c, next) => {
    const secret = c.req.header('x-callback-secret');
    if (!secret) throw unauthorizedCallback();
    let id: unknown;
    try {
      id = ((await c.req.json()) as Record<string, unknown> | null)?.[idField];
    } catch {
      id = undefined; // not JSON: no training can be named, so no secret can match
    }
    const t = typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? await findTrainingById(c.get('deps').db, id) : undefined;
    // Same answer for an unknown id and a wrong secret.
    if (!t || !secretMatches(secret, t.callback_secret_sha256)) throw unauthorizedCallback();
    c.set('callbackTraining', t);
    await next();
  });
