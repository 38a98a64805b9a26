// The one place that reads the environment. Every component's address is configuration;
// `scripts/stack.ts` starts a local component only when its address was NOT given.
import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase())));

export const ConfigSchema = z.object({
  mode: z.enum(['local', 'test', 'production']).default('local'),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  dataDir: z.string().default('.data'),

  api: z.object({
    host: z.string().default('127.0.0.1'),
    port: z.coerce.number().int().min(0).max(65535).default(8000),
    // API processes sharing the port (node:cluster): unset, one per core (at most 4); `npm test` runs one.
    processes: z.coerce.number().int().min(1).max(64).optional(),
    publicUrl: z.string().default('http://127.0.0.1:8000'),
    uploadMaxBytes: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 ** 3),
    // Upload sessions (direct-to-S3 multipart uploads, docs/data.md): how long a session and its presigned
    // part URLs live before the session's parts are aborted, and the part size (S3's minimum is 5 MiB).
    uploadSessionTtlSeconds: z.coerce
      .number()
      .int()
      .positive()
      .max(7 * 24 * 3600) // SigV4 presigned URLs live at most 7 days
      .default(24 * 3600),
    uploadSessionPartBytes: z.coerce
      .number()
      .int()
      .min(5 * 1024 ** 2)
      .default(16 * 1024 ** 2),
  }),

  postgres: z.object({ url: z.string().default('postgres://dataml:dataml@127.0.0.1:55432/dataml') }),

  temporal: z.object({
    address: z.string().default('127.0.0.1:7233'),
    namespace: z.string().default('default'),
    taskQueue: z.string().default('dataml'),
    uiUrl: z.string().default('http://127.0.0.1:8233'),
  }),

  s3: z.object({
    endpoint: z.string().default('http://127.0.0.1:8333'),
    region: z.string().default('us-east-1'),
    accessKeyId: z.string().default('dataml'),
    secretAccessKey: z.string().default('dataml-secret'),
    bucket: z.string().default('dataml-files'),
    forcePathStyle: bool.default(true),
    // The S3 address clients reach (presigned upload URLs); the API's own `endpoint` when unset.
    publicEndpoint: z.string().optional(),
  }),

  iceberg: z.object({
    catalogUri: z.string().default('http://127.0.0.1:8181'),
    warehouse: z.string().default('s3://dataml-lake/'),
    // OAuth2 client credential "id:secret" understood by SeaweedFS's and most REST catalogs.
    credential: z.string().default('dataml:dataml-secret'),
  }),

  ray: z.object({
    // Ray dashboard / Jobs REST API.
    address: z.string().default('http://127.0.0.1:8265'),
    // How a job starts its Python: the package must be importable on the cluster.
    python: z.string().default('python'),
    // Ray jobs reach Temporal at this address (may differ from the API's view inside a cluster).
    temporalAddressForJobs: z.string().optional(),
    // Memory limit of each Ray job in GB (2^30 bytes); unset: a quarter of the largest Ray node's memory, at least 1 GB.
    jobMemoryLimitGb: z.coerce.number().positive().optional(),
    // A file on every Ray node holding the jobs' S3 and catalog credentials (JSON, see
    // ml/dataml_jobs/common/settings.py): with it, jobs are given its path instead of the secrets
    // themselves, which the Ray dashboard would show with each job's environment.
    jobSecretsFile: z.string().optional(),
    // Ray's GCS (host:port): the warm runners' driver joins the cluster there; without it every step is a Ray job.
    gcsAddress: z.string().optional(),
    // Warm runners (docs/jobs.md): "on" runs small steps in long-lived actors, "off" runs every step as a Ray job.
    warmRunners: z.enum(['on', 'off']).default('on'),
    // A warm runner's fork server is replaced after this many steps.
    warmRunnerMaxSteps: z.coerce.number().int().positive().default(200),
  }),

  worker: z.object({
    // The worker's probe server (GET /healthz, /readyz) for Kubernetes and the stack; unset: none.
    healthHost: z.string().default('127.0.0.1'),
    healthPort: z.coerce.number().int().min(0).max(65535).optional(),
  }),

  serving: z.object({
    // ONNX sessions kept loaded in the API process (LRU).
    onnxCacheSize: z.coerce.number().int().positive().default(64),
    // Share of 9.1 requests whose inputs are kept for drift monitoring (docs/lifecycle.md#drift-monitoring); 0: none.
    driftSampleRate: z.coerce.number().min(0).max(1).default(0.1),
    // The interpreter of the Python model server; without it, the Ray jobs' python.
    python: z.string().optional(),
  }),

  metrics: z.object({
    // Off: no /metrics and nothing observed per request (to measure their cost; the default is on).
    enabled: bool.default(true),
    // Prometheus /metrics: open unless a token is set (then `Authorization: Bearer <token>`); on the API's own
    // port unless METRICS_PORT gives it one (e.g. reachable only from the monitoring network).
    token: z.string().optional(),
    // The interface of the separate metrics listeners (METRICS_PORT, the worker's): 0.0.0.0 in containers.
    host: z.string().default('127.0.0.1'),
    port: z.coerce.number().int().min(1).max(65535).optional(),
    // The worker has no HTTP server of its own: its metrics are served on this port when it is set.
    workerPort: z.coerce.number().int().min(1).max(65535).optional(),
  }),

  // OpenTelemetry tracing, read from OTel's own variables (its SDKs read the same ones): on when an OTLP endpoint
  // is named, unless OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none turn it off (docs/operations.md#tracing).
  tracing: z.object({
    otlpEndpoint: z.string().optional(),
    otlpTracesEndpoint: z.string().optional(),
    otlpHeaders: z.string().optional(),
    sdkDisabled: bool.default(false),
    tracesExporter: z.string().default('otlp'),
  }),

  // Requests per window on the expensive routes, per tenant and per token (login session); 0 = no limit.
  // Counted in Postgres (api/rate-limits.ts), so several API processes share them.
  rateLimits: z.object({
    windowSeconds: z.coerce.number().int().positive().default(60),
    uploadPerTenant: z.coerce.number().int().min(0).default(300),
    uploadPerToken: z.coerce.number().int().min(0).default(120),
    trainPerTenant: z.coerce.number().int().min(0).default(120),
    trainPerToken: z.coerce.number().int().min(0).default(60),
    predictPerTenant: z.coerce.number().int().min(0).default(60_000),
    predictPerToken: z.coerce.number().int().min(0).default(30_000),
  }),

  // Webhooks (docs/lifecycle.md#webhooks). `allow`: comma-separated CIDRs, addresses or host names deliveries may
  // reach besides public addresses. A delivery is retried with exponential backoff (factor 2) from
  // retryInitialSeconds up to retryMaxSeconds between attempts, maxAttempts in all (the default: ~4.5 minutes).
  webhooks: z.object({
    allow: z.string().default(''),
    timeoutSeconds: z.coerce.number().positive().max(60).default(10),
    maxAttempts: z.coerce.number().int().min(1).max(20).default(6),
    retryInitialSeconds: z.coerce.number().positive().default(10),
    retryMaxSeconds: z.coerce.number().positive().default(120),
  }),

  auth: z.object({
    jwtSecret: z.string().optional(),
    accessTokenTtlSeconds: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60),
    refreshTokenTtlSeconds: z.coerce
      .number()
      .int()
      .positive()
      .default(14 * 24 * 3600),
    adminUsername: z.string().default('admin'),
    adminPassword: z.string().default('admin123'),
    adminEmail: z.string().default('admin@dataml.local'),
    // Failed-login limits within the window (api/auth/login-throttle.ts): per account from one address, per
    // account from everywhere, and per address; the last two spare an account at an address it logged in from.
    loginMaxFailures: z.coerce.number().int().positive().default(5),
    loginAccountMaxFailures: z.coerce.number().int().positive().default(20),
    loginAddressMaxFailures: z.coerce.number().int().positive().default(50),
    loginWindowSeconds: z.coerce.number().int().positive().default(300),
    loginKnownAddressDays: z.coerce.number().int().positive().default(30),
  }),
});

export type Config = z.infer<typeof ConfigSchema>;

type Env = Record<string, string | undefined>;

/** Which components the environment names explicitly: those are external, never started locally. */
export function externalComponents(env: Env = process.env) {
  return {
    postgres: Boolean(env.DATABASE_URL),
    temporal: Boolean(env.TEMPORAL_ADDRESS),
    s3: Boolean(env.S3_ENDPOINT),
    iceberg: Boolean(env.ICEBERG_CATALOG_URI),
    ray: Boolean(env.RAY_ADDRESS),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const raw = {
    mode: env.DATAML_MODE,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    api: {
      host: env.API_HOST,
      port: env.API_PORT,
      processes: env.API_PROCESSES,
      publicUrl: env.API_PUBLIC_URL,
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      uploadSessionTtlSeconds: env.UPLOAD_SESSION_TTL_SECONDS,
      uploadSessionPartBytes: env.UPLOAD_SESSION_PART_BYTES,
    },
    postgres: { url: env.DATABASE_URL },
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      uiUrl: env.TEMPORAL_UI_URL,
    },
    s3: {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      bucket: env.S3_BUCKET,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      publicEndpoint: env.S3_PUBLIC_ENDPOINT,
    },
    iceberg: {
      catalogUri: env.ICEBERG_CATALOG_URI,
      warehouse: env.ICEBERG_WAREHOUSE,
      credential: env.ICEBERG_CATALOG_CREDENTIAL,
    },
    ray: {
      address: env.RAY_ADDRESS,
      python: env.RAY_JOB_PYTHON,
      temporalAddressForJobs: env.RAY_JOB_TEMPORAL_ADDRESS,
      jobMemoryLimitGb: env.RAY_JOB_MEMORY_LIMIT_GB,
      jobSecretsFile: env.RAY_JOB_SECRETS_FILE,
      gcsAddress: env.RAY_GCS_ADDRESS,
      warmRunners: env.RAY_WARM_RUNNERS,
      warmRunnerMaxSteps: env.RAY_WARM_RUNNER_MAX_STEPS,
    },
    worker: { healthHost: env.WORKER_HEALTH_HOST, healthPort: env.WORKER_HEALTH_PORT },
    serving: {
      onnxCacheSize: env.INFERENCE_CACHE_SIZE,
      driftSampleRate: env.DRIFT_SAMPLE_RATE,
      // The project's venv, set by the stack scripts.
      python: env.DATAML_VENV_BIN ? `${env.DATAML_VENV_BIN}/python` : undefined,
    },
    metrics: {
      enabled: env.METRICS_ENABLED,
      token: env.METRICS_TOKEN,
      host: env.METRICS_HOST,
      port: env.METRICS_PORT,
      workerPort: env.WORKER_METRICS_PORT,
    },
    tracing: {
      otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      otlpTracesEndpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
      otlpHeaders: env.OTEL_EXPORTER_OTLP_HEADERS,
      sdkDisabled: env.OTEL_SDK_DISABLED,
      tracesExporter: env.OTEL_TRACES_EXPORTER,
    },
    rateLimits: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      uploadPerTenant: env.RATE_LIMIT_UPLOAD_PER_TENANT,
      uploadPerToken: env.RATE_LIMIT_UPLOAD_PER_TOKEN,
      trainPerTenant: env.RATE_LIMIT_TRAIN_PER_TENANT,
      trainPerToken: env.RATE_LIMIT_TRAIN_PER_TOKEN,
      predictPerTenant: env.RATE_LIMIT_PREDICT_PER_TENANT,
      predictPerToken: env.RATE_LIMIT_PREDICT_PER_TOKEN,
    },
    webhooks: {
      allow: env.WEBHOOK_ALLOW,
      timeoutSeconds: env.WEBHOOK_TIMEOUT_SECONDS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryInitialSeconds: env.WEBHOOK_RETRY_INITIAL_SECONDS,
      retryMaxSeconds: env.WEBHOOK_RETRY_MAX_SECONDS,
    },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      adminUsername: env.ADMIN_USERNAME,
      adminPassword: env.ADMIN_PASSWORD,
      adminEmail: env.ADMIN_EMAIL,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginAccountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
      loginAddressMaxFailures: env.LOGIN_ADDRESS_MAX_FAILURES,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      loginKnownAddressDays: env.LOGIN_KNOWN_ADDRESS_DAYS,
    },
  };
  const parsed = ConfigSchema.safeParse(stripUndefined(raw));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.mode === 'production') {
    if (config.auth.adminPassword === 'admin123') {
      throw new Error('Refusing to start: ADMIN_PASSWORD is the local default; set a real one outside local mode.');
    }
    if (!config.auth.jwtSecret || config.auth.jwtSecret.length < 32) {
      throw new Error('Refusing to start: JWT_SECRET (at least 32 characters) is required outside local mode.');
    }
  }
  return config;
}

/** Whether spans are recorded and exported: an OTLP endpoint is configured and tracing is not switched off. */
export function tracingEnabled(config: Config): boolean {
  const t = config.tracing;
  return Boolean(t.otlpEndpoint || t.otlpTracesEndpoint) && !t.sdkDisabled && t.tracesExporter !== 'none';
}

/** The OTel variables a Ray job exports its spans with (none when tracing is off: the job then starts no SDK). */
function jobTracingEnvironment(config: Config): Record<string, string> {
  if (!tracingEnabled(config)) return {};
  const t = config.tracing;
  return Object.fromEntries(
    Object.entries({
      OTEL_EXPORTER_OTLP_ENDPOINT: t.otlpEndpoint,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: t.otlpTracesEndpoint,
      OTEL_EXPORTER_OTLP_HEADERS: t.otlpHeaders,
    }).filter((e): e is [string, string] => Boolean(e[1])),
  );
}

/** Environment variables a Ray job needs, derived from the same configuration. */
export function jobEnvironment(config: Config): Record<string, string> {
  return {
    ...jobTracingEnvironment(config),
    DATAML_TEMPORAL_ADDRESS: config.ray.temporalAddressForJobs ?? config.temporal.address,
    DATAML_TEMPORAL_NAMESPACE: config.temporal.namespace,
    DATAML_S3_ENDPOINT: config.s3.endpoint,
    DATAML_S3_REGION: config.s3.region,
    DATAML_S3_ACCESS_KEY_ID: config.s3.accessKeyId,
    DATAML_S3_SECRET_ACCESS_KEY: config.s3.secretAccessKey,
    DATAML_S3_BUCKET: config.s3.bucket,
    DATAML_ICEBERG_URI: config.iceberg.catalogUri,
    DATAML_ICEBERG_WAREHOUSE: config.iceberg.warehouse,
    DATAML_ICEBERG_CREDENTIAL: config.iceberg.credential,
  };
}

function stripUndefined(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || v === '') continue;
    out[k] = stripUndefined(v);
  }
  return out;
}
