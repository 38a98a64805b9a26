// `npm start` / `npm test` / `npm run bench`: start the real components that the environment does not
// point elsewhere, wait for each, then run the platform (start), the test suite (test) or the benchmarks.
// Every component started here is supervised (scripts/stack/supervisor.ts): one that dies is restarted with
// backoff and a log line, and the rest keeps running; in start mode the API and the worker too. On Ctrl-C,
// on exit and on a start-up failure, everything started here is stopped, in reverse order.
// In test and exec modes a control server (scripts/stack/control-server.ts) lets fault drills kill a
// component or hold it down; its address is exported as STACK_CONTROL_URL (in start mode too with
// STACK_CONTROL=1, for the cluster drills). STACK_API / STACK_WORKERS / STACK_RAY_NODES select the cluster
// profile (scripts/stack/cluster.ts): several API processes behind one address, several workers, Ray nodes.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { externalComponents, loadConfig } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrator.js';
import { startApiProxy } from './stack/api-proxy.js';
import { apiInstancePort, clusterPorts, clusterShape, startRayNode, workerHealthPort } from './stack/cluster.js';
import {
  ROOT,
  STOP_TIMEOUT_MS,
  VENV_BIN,
  startPostgres,
  startRay,
  startSeaweed,
  startTemporal,
  writeRayJobSecrets,
  type Running,
} from './stack/components.js';
import { startControlServer } from './stack/control-server.js';
import { assertPortsFree, startProcess, stopEverything, waitReady, type Managed } from './stack/process.js';
import { LOCAL, shiftedProfile, TEST, type Profile } from './stack/profiles.js';
import { Supervised } from './stack/supervisor.js';

// exec: run any command against a throwaway test stack, e.g. `node --import tsx scripts/stack.ts exec -- node --import tsx test/replay/record.ts`
// Node 20 is the platform's runtime; the AWS SDK's notice that releases after January 2027 need Node 22
// is recorded in README's operating notes instead of printed by every process.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

type Mode = 'start' | 'test' | 'bench' | 'exec';
const mode = (process.argv[2] ?? 'start') as Mode;
if (!['start', 'test', 'bench', 'exec'].includes(mode)) {
  console.error(`usage: node --import tsx scripts/stack.ts start|test|bench|exec [args]`);
  process.exit(2);
}
const extraArgs = process.argv.slice(3);
// STACK_PORT_OFFSET shifts every port, so that several stacks (two `npm test` runs, or the test of
// `npm start` itself) can share one machine; STACK_DATA_DIR moves the persistent data of `npm start`.
const profile: Profile = shiftedProfile(mode === 'start' ? LOCAL : TEST, Number(process.env.STACK_PORT_OFFSET ?? 0));
const dataDir = profile.persistent
  ? path.resolve(process.env.STACK_DATA_DIR ?? path.join(ROOT, profile.dataDir))
  : path.join(ROOT, profile.dataDir, `run-${process.pid}`);
const logDir = path.join(dataDir, 'logs');
const external = externalComponents(process.env);
const shape = clusterShape(process.env);
const controlled = mode === 'test' || mode === 'exec' || process.env.STACK_CONTROL === '1';
let controlUrl: string | undefined;

const started: Running[] = [];
const supervised: Supervised[] = [];
/** Folders outside dataDir that a throwaway stack must remove too (Postgres data placed where its user can reach it). */
const alsoRemove: string[] = [];
let shuttingDown: Promise<void> | undefined;
const t0 = Date.now();
const log = (m: string) => console.log(`[stack] ${m} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

/** A component under supervision, registered first so that shutdown stops it whatever its start-up did. */
function supervise(name: string, stopTimeoutMs: number, launch: () => Promise<Managed>): Supervised {
  const s = new Supervised(name, launch, stopTimeoutMs, (line) =>
    console.error(`[stack] ${line} (${((Date.now() - t0) / 1000).toFixed(1)} s)`),
  );
  supervised.push(s);
  started.push(s);
  return s;
}

function shutdown(code: number): Promise<void> {
  shuttingDown ??= (async () => {
    for (const r of [...started].reverse()) {
      try {
        await r.stop();
      } catch (err) {
        console.error(`[stack] stopping ${r.name}: ${(err as Error).message}`);
      }
    }
    // Components whose start-up failed or was still running (never registered above).
    await stopEverything().catch((err) => console.error(`[stack] stopping the rest: ${(err as Error).message}`));
    if (!profile.persistent) {
      for (const dir of [dataDir, ...alsoRemove]) rmSync(dir, { recursive: true, force: true });
      rmSync(profile.ray.tempDir, { recursive: true, force: true });
    }
    process.exit(code);
  })();
  return shuttingDown;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    console.log(`\n[stack] ${sig}: stopping everything that was started`);
    void shutdown(mode === 'start' ? 0 : 130);
  });
}

async function main(): Promise<void> {
  const env: Record<string, string> = {
    DATAML_MODE: mode === 'start' ? (process.env.DATAML_MODE ?? 'local') : 'test',
    DATA_DIR: dataDir,
    DATAML_VENV_BIN: VENV_BIN,
    API_PORT: process.env.API_PORT ?? String(profile.apiPort),
  };
  // Tests start many APIs on two shared cores: one process each unless a test asks for more (api/cluster.ts).
  if (mode === 'test' && !process.env.API_PROCESSES) env.API_PROCESSES = '1';
  // Only the platform's own worker: test and bench workers are in-process or several at once.
  if (mode === 'start') env.WORKER_METRICS_PORT = process.env.WORKER_METRICS_PORT ?? String(profile.workerMetricsPort);
  if (external.s3 !== external.iceberg) {
    // Locally one SeaweedFS process is both; an external S3 needs an external catalog, and vice versa.
    throw new Error('Set both S3_ENDPOINT and ICEBERG_CATALOG_URI (the local SeaweedFS serves both), or neither.');
  }

  // Independent components start together; Ray last, as it is the heaviest. Every start is awaited
  // before a failure is reported, so that shutdown finds all of them (and stopEverything the rest).
  // Each is supervised under its control-interface name: a restart reuses its ports and data.
  const component = <R extends { running: Managed }>(name: string, what: string, start: () => Promise<R>) => {
    let first: R | undefined;
    const s = supervise(name, STOP_TIMEOUT_MS[name as keyof typeof STOP_TIMEOUT_MS], async () => {
      const r = await start();
      first ??= r;
      return r.running;
    });
    return s.start().then(() => {
      log(`${what} ready`);
      return first!;
    });
  };
  const starts = [
    external.postgres ? null : component('postgres', 'Postgres', () => startPostgres(profile, dataDir, logDir)),
    external.temporal ? null : component('temporal', 'Temporal', () => startTemporal(profile, dataDir, logDir)),
    external.s3 ? null : component('s3', 'SeaweedFS', () => startSeaweed(profile, dataDir, logDir)),
  ] as const;
  await Promise.allSettled(starts);
  const [pgc, temporal, seaweed] = await Promise.all(starts); // all settled: throws the first failure, if any
  if (pgc) {
    env.DATABASE_URL = pgc.url;
    if (pgc.outsideDataDir) alsoRemove.push(pgc.outsideDataDir);
  }
  if (temporal) {
    env.TEMPORAL_ADDRESS = temporal.address;
    env.TEMPORAL_UI_URL = temporal.uiUrl;
  }
  if (seaweed) Object.assign(env, seaweed.env);
  await assertPortsFree('The cluster profile', clusterPorts(profile, shape));
  if (!external.ray) {
    // With worker nodes, the head runs no jobs by default (as KubeRay's head group in deploy/k8s).
    const ray = await component('ray', 'Ray', () => startRay(profile, logDir, { numCpus: shape.rayHeadCpus }));
    env.RAY_ADDRESS = ray.address;
    env.RAY_GCS_ADDRESS = ray.gcsAddress;
    // The test suite's Ray-level assertions (Ray job lists, supervisors) are about Ray jobs: tests opt in to warm
    // runners (RAY_WARM_RUNNERS=on) where they exercise them.
    if (mode === 'test') env.RAY_WARM_RUNNERS = process.env.RAY_WARM_RUNNERS ?? 'off';
    for (let i = 1; i <= shape.rayNodes; i++) {
      await component(`ray-node-${i}`, `Ray node ${i}`, async () => ({ running: await startRayNode(profile, i, logDir, ray.address) }));
    }
  }
  // Local Ray jobs read the S3 and catalog credentials from a file, not from their (dashboard-visible) environment.
  if (!external.ray && seaweed && !process.env.RAY_JOB_SECRETS_FILE)
    env.RAY_JOB_SECRETS_FILE = writeRayJobSecrets(dataDir, seaweed.jobCredentials);
  if (controlled) {
    const control = await startControlServer(() => supervised);
    started.push({ name: 'control server', stop: () => control.close() });
    env.STACK_CONTROL_URL = control.url;
    controlUrl = control.url;
  }

  const childEnv = { ...process.env, ...env };
  const config = loadConfig(childEnv);
  const db = createDb(config.postgres.url, 1);
  try {
    const applied = await migrateToLatest(db);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database up to date');
  } finally {
    await db.destroy();
  }

  if (mode === 'start') {
    const metricsUrls = [
      `${config.metrics.port ? `http://127.0.0.1:${config.metrics.port}` : `http://127.0.0.1:${config.api.port}`}/metrics`,
    ];
    if (config.metrics.workerPort) metricsUrls.push(`http://127.0.0.1:${config.metrics.workerPort}/metrics`);
    return runPlatform(childEnv, config.api.port, config.temporal.uiUrl, config.ray.address, metricsUrls);
  }
  const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
  const command =
    mode === 'test'
      ? [bin('vitest'), 'run', ...extraArgs]
      : mode === 'bench'
        ? [process.execPath, '--import', 'tsx', 'bench/run.ts', ...extraArgs]
        : extraArgs.filter((a, i) => !(i === 0 && a === '--'));
  const child = spawn(command[0]!, command.slice(1), { env: childEnv, stdio: 'inherit', cwd: ROOT });
  const code = await new Promise<number>((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  await shutdown(code);
}

async function runPlatform(
  env: NodeJS.ProcessEnv,
  apiPort: number,
  temporalUi: string,
  rayDashboard: string,
  metricsUrls: string[],
): Promise<void> {
  // `node --import tsx`, not the tsx CLI: its signal relay may SIGKILL a child that is busy shutting down.
  const node = (file: string) => ['--import', 'tsx', file];
  const base = `http://127.0.0.1:${apiPort}`;
  // Supervised like the components: a worker or API that dies is started again (with backoff), the rest
  // keeps running. The API listens only once migrated and bootstrapped, so its health check is its readiness.
  // In the cluster profile each instance is supervised under its own name (worker-2, api-1 …).
  const named = (what: string, i: number, n: number) => (n > 1 ? `${what}-${i}` : what);
  const workers = Array.from({ length: shape.workers }, (_, k) => {
    const name = named('worker', k + 1, shape.workers);
    const healthPort = workerHealthPort(profile, k + 1);
    return supervise(name, 20_000, async () => {
      const workerEnv = { ...env, WORKER_HEALTH_PORT: String(healthPort), WORKER_HEALTH_HOST: '127.0.0.1' };
      const proc = startProcess(name, process.execPath, node('worker/main.ts'), { env: workerEnv, cwd: ROOT, stopSignal: 'SIGTERM' });
      await waitReady(proc, name, async () => (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).ok, 120_000);
      return proc;
    });
  });
  const apiUrls =
    shape.apis > 1 ? Array.from({ length: shape.apis }, (_, k) => `http://127.0.0.1:${apiInstancePort(profile, k + 1)}`) : [base];
  const apis = apiUrls.map((url, k) => {
    const name = named('api', k + 1, shape.apis);
    const port = new URL(url).port;
    return supervise(name, 10_000, async () => {
      const proc = startProcess(name, process.execPath, node('api/server.ts'), {
        env: { ...env, API_PORT: port },
        cwd: ROOT,
        stopSignal: 'SIGTERM',
      });
      await waitReady(proc, name, async () => (await fetch(`${url}/api/v1/utils/health-check/`)).ok, 120_000);
      return proc;
    });
  });
  // One at a time: on 2 cores, parallel start-ups only race each other for the bundler and migrations.
  for (const w of workers) await w.start();
  for (const a of apis) await a.start();
  if (shape.apis > 1) {
    const lb = await startApiProxy(env.API_HOST ?? '127.0.0.1', apiPort, apiUrls);
    started.push({ name: 'API proxy', stop: () => lb.close() });
  }
  const ready = await (await fetch(`${base}/api/v1/utils/readiness/`)).json();
  console.log(`
Data ML Platform is up.
  Console        ${base}/   (web console; sign in with the login below)
  API            ${base}
  API docs       ${base}/docs   (OpenAPI: ${base}/openapi.json)
  Temporal UI    ${temporalUi}
  Metrics        ${metricsUrls.join('  ')}   (API, worker; Prometheus text)
  Ray dashboard  ${rayDashboard}${clusterSummary()}
  Readiness      ${JSON.stringify((ready as { status: string }).status)}
  Login          ${env.ADMIN_USERNAME ?? 'admin'} / ${env.ADMIN_PASSWORD ? '(from ADMIN_PASSWORD)' : 'admin123 (local default)'}
A component that dies is restarted (see the [stack] lines). Press Ctrl-C to stop everything.`);
}

function clusterSummary(): string {
  const lines = [];
  if (shape.apis > 1 || shape.workers > 1 || shape.rayNodes > 0) {
    lines.push(`  Cluster        ${shape.apis} API processes, ${shape.workers} workers, Ray head + ${shape.rayNodes} worker nodes`);
  }
  if (controlUrl) lines.push(`  Control        ${controlUrl}`);
  return lines.length ? `\n${lines.join('\n')}` : '';
}

main().catch((err) => {
  // Start-up failures carry their cause and the fix in the message; the stack trace only with LOG_LEVEL=debug.
  const e = err as Error;
  console.error(`[stack] start-up failed: ${process.env.LOG_LEVEL === 'debug' ? (e.stack ?? e) : (e.message ?? e)}`);
  void shutdown(1);
});
