// `npm start` / `npm test` / `npm run bench`: start the real components that the environment does not
// point elsewhere, wait for each, then run the platform (start), the test suite (test) or the benchmarks.
// Every component started here is supervised (scripts/stack/supervisor.ts): one that dies is restarted with
// backoff and a log line, and the rest keeps running; in start mode the API and the worker too. On Ctrl-C,
// on exit and on a start-up failure, everything started here is stopped, in reverse order.
// In test and exec modes a control server (scripts/stack/control-server.ts) lets fault drills kill a
// component or hold it down; its address is exported as STACK_CONTROL_URL.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { externalComponents, loadConfig } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrator.js';
import { ROOT, STOP_TIMEOUT_MS, VENV_BIN, startPostgres, startRay, startSeaweed, startTemporal, type Running } from './stack/components.js';
import { startControlServer } from './stack/control-server.js';
import { startProcess, stopEverything, waitReady, type Managed } from './stack/process.js';
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
  if (!external.ray) {
    const ray = await component('ray', 'Ray', () => startRay(profile, logDir));
    env.RAY_ADDRESS = ray.address;
  }
  if (mode === 'test' || mode === 'exec') {
    const control = await startControlServer(() => supervised);
    started.push({ name: 'control server', stop: () => control.close() });
    env.STACK_CONTROL_URL = control.url;
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

  if (mode === 'start') return runPlatform(childEnv, config.api.port, config.temporal.uiUrl, config.ray.address);
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

async function runPlatform(env: NodeJS.ProcessEnv, apiPort: number, temporalUi: string, rayDashboard: string): Promise<void> {
  // `node --import tsx`, not the tsx CLI: its signal relay may SIGKILL a child that is busy shutting down.
  const node = (file: string) => ['--import', 'tsx', file];
  const base = `http://127.0.0.1:${apiPort}`;
  // Supervised like the components: a worker or API that dies is started again (with backoff), the rest
  // keeps running. The API listens only once migrated and bootstrapped, so its health check is its readiness.
  const worker = supervise('worker', 20_000, async () =>
    startProcess('worker', process.execPath, node('worker/main.ts'), { env, cwd: ROOT, stopSignal: 'SIGTERM' }),
  );
  const api = supervise('api', 10_000, async () => {
    const proc = startProcess('api', process.execPath, node('api/server.ts'), { env, cwd: ROOT, stopSignal: 'SIGTERM' });
    await waitReady(proc, 'API', async () => (await fetch(`${base}/api/v1/utils/health-check/`)).ok, 120_000);
    return proc;
  });
  await worker.start();
  await api.start();
  const ready = await (await fetch(`${base}/api/v1/utils/readiness/`)).json();
  console.log(`
Data ML Platform is up.
  Console        ${base}/   (web console; sign in with the login below)
  API            ${base}
  API docs       ${base}/docs   (OpenAPI: ${base}/openapi.json)
  Temporal UI    ${temporalUi}
  Ray dashboard  ${rayDashboard}
  Readiness      ${JSON.stringify((ready as { status: string }).status)}
  Login          ${env.ADMIN_USERNAME ?? 'admin'} / ${env.ADMIN_PASSWORD ? '(from ADMIN_PASSWORD)' : 'admin123 (local default)'}
A component that dies is restarted (see the [stack] lines). Press Ctrl-C to stop everything.`);
}

main().catch((err) => {
  // Start-up failures carry their cause and the fix in the message; the stack trace only with LOG_LEVEL=debug.
  const e = err as Error;
  console.error(`[stack] start-up failed: ${process.env.LOG_LEVEL === 'debug' ? (e.stack ?? e) : (e.message ?? e)}`);
  void shutdown(1);
});
