// Every module's router, mounted by app.ts. A new module adds one line here.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../deps.js';
import { utilsRouter } from './utils/index.js';
import { usersRouter } from './users/index.js';
import { loginRouter } from './login/index.js';
import { rbacRouter } from './rbac/index.js';
import { authRouter } from './auth/index.js';
import { templatesRouter } from './templates/index.js';
import { datasetsRouter } from './datasets/index.js';
import { filesRouter } from './files/index.js';
import { uploadSessionsRouter } from './upload-sessions/index.js';
import { trainRouter } from './train/index.js';
import { rayRouter } from './ray/index.js';
import { datalakeRouter } from './datalake/index.js';
import { inferenceRouter } from './inference/index.js';
import { jobsRouter } from './jobs/index.js';
import { aliasesRouter } from './aliases/index.js';
import { modelExportRouter } from './model-export/index.js';
import { retrainSchedulesRouter } from './retrain-schedules/index.js';
import { driftRouter } from './drift/index.js';
import { webhooksRouter } from './webhooks/index.js';

export const moduleRouters: OpenAPIHono<AppEnv, any, any>[] = [
  utilsRouter,
  usersRouter,
  loginRouter,
  rbacRouter,
  authRouter,
  templatesRouter,
  datasetsRouter,
  filesRouter,
  uploadSessionsRouter,
  datalakeRouter,
  trainRouter,
  rayRouter,
  inferenceRouter,
  jobsRouter,
  aliasesRouter,
  modelExportRouter,
  retrainSchedulesRouter,
  driftRouter,
  webhooksRouter,
];
