// Real-time model serving in the API process: the models' rows, the ONNX sessions, the Python fallback and the
// real-time prediction recorder. Built once with the API's dependencies (build-deps.ts), closed on shutdown.
import type { S3Client } from '@aws-sdk/client-s3';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import type { ApiMetrics } from '../metrics/api-metrics.js';
import { OnnxModels } from './onnx-models.js';
import { PythonModels } from './python-models.js';
import { RealtimeRecorder } from './realtime-recorder.js';
import { DriftSampler } from './drift-sampler.js';
import { ServedModels } from './served-model.js';

export class Serving {
  readonly models: ServedModels;
  readonly onnx: OnnxModels;
  readonly python: PythonModels;
  readonly recorder: RealtimeRecorder;
  readonly driftSampler: DriftSampler;

  constructor(deps: { config: Config; db: Kysely<Database>; s3: S3Client; log: Logger; metrics?: ApiMetrics }) {
    this.models = new ServedModels(deps.db);
    this.onnx = new OnnxModels(deps.s3, deps.config.s3.bucket, deps.config.serving.onnxCacheSize, deps.metrics?.modelCache);
    this.python = new PythonModels(deps.config);
    this.recorder = new RealtimeRecorder(deps.db, deps.log);
    this.driftSampler = new DriftSampler(deps.db, deps.log, deps.config.serving.driftSampleRate);
  }

  /** Makes a model version ready to serve: its row read and its ONNX session loaded (the Python fallback loads on use). */
  async warm(tenantId: string, trainingId: number): Promise<void> {
    const m = await this.models.model(tenantId, trainingId, true);
    if (m.onnxKey) await this.onnx.session(m.onnxKey);
  }

  /** Writes the counts not yet recorded (before the database closes), stops the Python server, frees sessions. */
  async close(): Promise<void> {
    await this.recorder.flush();
    await this.driftSampler.flush();
    this.python.close();
    await this.onnx.close();
  }
}
