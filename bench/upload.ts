// Upload + validation of one generated CSV (default 1 GiB; BENCH_UPLOAD_MB for quick runs) into Iceberg, three
// ways in the same run, against the same store:
//  - the fair peer: what a user would script by hand — the AWS SDK's managed `Upload` (lib-storage) of the file,
//    then pyarrow reads it and pyiceberg appends it to a table (bench/peer_ingest.py), timed end to end;
//  - the platform's upload session (the TS SDK's uploadInSession: parts PUT straight to the store) + validation;
//  - the seed's multipart path (6.1: the file streamed through the API) + validation.
// Ratios: peer time / platform time (targets: session >= 1.2, seed >= 1.0), platform MB/s / pyarrow.csv.read_csv
// MB/s (reported), and the API process's CPU-seconds and peak RSS growth per GB of each path (session <= 0.2 CPU-s,
// <= 50 MB). BENCH_UPLOAD_LARGE_MB (e.g. 10240) adds one session upload of that size, with the API's and the
// validation job's peak memory.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { DatamlClient } from '../clients/ts/src/index.js';
import { jobEnvironment, loadConfig } from '../config/config.js';
import { treeCpuSeconds, treeRssKb } from './proc.js';
import type { BenchContext, BenchResult } from './types.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const MB = 1024 * 1024;

const TEMPLATE = [
  { column_name: 'id', data_type: 'Integer' },
  { column_name: 'customer', data_type: 'String' },
  { column_name: 'amount', data_type: 'Float' },
  { column_name: 'active', data_type: 'Boolean' },
  { column_name: 'day', data_type: 'Date' },
  { column_name: 'note', data_type: 'String', nullable: true },
];

/** Writes a CSV of at least `bytes` bytes (about 60 bytes a row), streaming, with a few invalid rows. */
async function generateCsv(file: string, bytes: number): Promise<{ rows: number; size: number }> {
  const out = createWriteStream(file, { highWaterMark: 4 * MB });
  out.write('id,customer,amount,active,day,note\n');
  let written = 0;
  let id = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++, id++) {
      const amount = ((id * 7919) % 100_000) / 100;
      const day = `2024-${String((id % 12) + 1).padStart(2, '0')}-${String((id % 28) + 1).padStart(2, '0')}`;
      const note = id % 5 === 0 ? '' : id % 1001 === 0 ? '"a, quoted note"' : `n${id % 97}`;
      const idText = id % 100_003 === 1 ? `x${id}` : String(id); // a type error now and then
      lines.push(`${idText},CUST-${id % 50_000},${amount},${id % 2 === 0 ? 'true' : 'false'},${day},${note}\n`);
    }
    const chunk = lines.join('');
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows: id, size: statSync(file).size };
}

/** pyarrow.csv.read_csv of the file, timed inside Python (interpreter start excluded). */
function pyarrowSeconds(file: string): number {
  const code = 'import sys,time,pyarrow.csv as c\nt=time.perf_counter()\nc.read_csv(sys.argv[1])\nprint(time.perf_counter()-t)';
  const run = spawnSync(path.join(ROOT, 'ml/.venv/bin/python'), ['-c', code, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pyarrow baseline failed: ${run.stderr}`);
  return Number(run.stdout.trim().split('\n').pop());
}

/**
 * POSTs the file as multipart/form-data with node:http, streamed from disk with a Content-Length, as curl
 * would: fetch with a ReadableStream body costs this process several CPU seconds per GB on the same two
 * cores the platform is measured on.
 */
function postMultipartFile(
  url: string,
  headers: Record<string, string>,
  file: string,
  name: string,
): Promise<{ status: number; body: string }> {
  const boundary = `----dataml${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(file).size + tail.length;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.write(head);
    const data = createReadStream(file, { highWaterMark: 1 * MB });
    data.on('error', reject);
    data.on('end', () => req.end(tail));
    data.pipe(req, { end: false });
  });
}

/**
 * Where the validation time went, from the Ray Jobs API: upload end -> Ray job start (workflow, submit),
 * job start -> end (driver: imports, catalog, check, commit; the job prints its phases), end -> seen done.
 */
/**
 * A validation that ran in a warm runner (not a Ray job of its own): its phases and peak memory from the step's
 * log, `dataml-steps/<submission id>.log` beside Ray's logs on its node, through Ray's log API.
 */
async function warmStepLog(ray: string, workflowId: string): Promise<{ text: string; peakGb: string | null }> {
  const get = async (p: string) => (await (await fetch(`${ray}${p}`)).json()) as any;
  const nodes = ((await get('/api/v0/nodes')).data?.result?.result ?? []) as Array<{ node_id: string; state: string }>;
  for (const node of nodes.filter((n) => n.state === 'ALIVE')) {
    const listed = (await get(`/api/v0/logs?node_id=${node.node_id}&glob=dataml-steps/${workflowId}-*`)).data?.result ?? {};
    const files = (Object.values(listed).flat() as string[]).filter((f) => f.endsWith('.log')).sort();
    const file = files.at(-1);
    if (!file) continue;
    const res = await fetch(`${ray}/api/v0/logs/file?node_id=${node.node_id}&filename=${encodeURIComponent(file)}&lines=-1`);
    const logs = await res.text();
    const phases = /timing: (.*)/.exec(logs)?.[1] ?? 'no phase times';
    const peakGb = /peak memory ([\d.]+) GB/.exec(logs)?.[1] ?? null;
    return { text: `validate step (warm runner, ${file}): ${phases}; job peak memory ${peakGb ?? '?'} GB`, peakGb };
  }
  return { text: `validate job: no Ray job and no warm step log for ${workflowId}`, peakGb: null };
}

async function validateJobTiming(t0: number, done: number, workflowId: string): Promise<{ text: string; peakGb: string | null }> {
  const config = loadConfig(process.env);
  const origin = Date.now() - performance.now();
  try {
    const jobs = (await (await fetch(`${config.ray.address}/api/jobs/`)).json()) as {
      submission_id: string;
      entrypoint: string;
      start_time: number;
      end_time: number | null;
    }[];
    const job = jobs
      .filter((j) => j.entrypoint.includes('jobs.validate') && j.start_time >= origin + t0)
      .sort((a, b) => b.start_time - a.start_time)[0];
    if (!job?.end_time) return await warmStepLog(config.ray.address, workflowId);
    const logs = ((await (await fetch(`${config.ray.address}/api/jobs/${job.submission_id}/logs`)).json()) as { logs: string }).logs;
    const phases = /timing: (.*)/.exec(logs)?.[1] ?? 'no phase times';
    const peakGb = /peak memory ([\d.]+) GB/.exec(logs)?.[1] ?? null;
    const s = (ms: number) => (ms / 1000).toFixed(1);
    return {
      text:
        `validate job: starts ${s(job.start_time - origin - t0)} s after the upload began, runs ${s(job.end_time - job.start_time)} s (${phases}), ` +
        `seen done ${s(done - (job.end_time - origin))} s later; job peak memory ${peakGb ?? '?'} GB`,
      peakGb,
    };
  } catch (err) {
    return { text: `validate job timing unavailable: ${(err as Error).message}`, peakGb: null };
  }
}

/** The API process's CPU-seconds and peak RSS growth (sampled every 50 ms) while `fn` runs. */
async function measureApi<T>(
  pid: number,
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; apiCpu: number; rssGrowthMb: number; peakMb: number }> {
  const before = treeRssKb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, treeRssKb(pid));
    } catch {
      /* process gone */
    }
  }, 50);
  const cpu0 = treeCpuSeconds(pid);
  const t0 = performance.now();
  try {
    const value = await fn();
    return {
      value,
      seconds: (performance.now() - t0) / 1000,
      apiCpu: treeCpuSeconds(pid) - cpu0,
      rssGrowthMb: (peak - before) / 1024,
      peakMb: peak / 1024,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The API process's CPU-seconds per second while nobody calls it (timers, keep-alives, the metrics' event-loop
 * monitor, the change feed), over `seconds`: what it would have spent anyway during an upload of that length.
 */
async function apiIdleRate(pid: number, seconds = 10): Promise<number> {
  const cpu0 = treeCpuSeconds(pid);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return (treeCpuSeconds(pid) - cpu0) / seconds;
}

type FileRow = { id: number; status: string; total_records: number | null; error_report: { valid_rows: number } | null };

async function validated(
  ctx: BenchContext,
  auth: () => Promise<Record<string, string>>,
  datasetId: number,
  fileId: number,
  t0: number,
): Promise<FileRow> {
  for (;;) {
    const list = await fetch(`${ctx.baseUrl}/api/v1/files/list?dataset_id=${datasetId}`, { headers: await auth() });
    const file = ((await list.json()) as { data: FileRow[] }).data.find((f) => f.id === fileId);
    if (file && !['uploaded', 'validating'].includes(file.status)) return file;
    if (performance.now() - t0 > 60 * 60_000) throw new Error('validation did not finish within an hour');
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface PathRun {
  label: string;
  seconds: number;
  uploadSeconds: number;
  apiCpu: number;
  rssGrowthMb: number;
  peakMb: number;
  note: string;
}

/** The hand-written pipeline: SDK managed upload to the same store, then pyarrow read + pyiceberg append. */
async function peerRun(file: string, rows: number): Promise<PathRun> {
  const config = loadConfig(process.env);
  // A plain client, as a user's script would build it (the SDK's default timeouts, not the API's bounded ones).
  const s3 = new S3Client({
    endpoint: config.s3.endpoint,
    region: config.s3.region,
    forcePathStyle: config.s3.forcePathStyle,
    credentials: { accessKeyId: config.s3.accessKeyId, secretAccessKey: config.s3.secretAccessKey },
  });
  const key = `bench/peer-${Date.now()}.csv`;
  const t0 = performance.now();
  try {
    // The SDK's defaults but for the part size (16 MiB, the sessions' too) and four parts in flight.
    await new Upload({
      client: s3,
      params: { Bucket: config.s3.bucket, Key: key, Body: createReadStream(file, { highWaterMark: MB }) },
      partSize: 16 * MB,
      queueSize: 4,
    }).done();
    const uploaded = performance.now();
    const table = `bench.peer_${Date.now()}`;
    const run = spawnSync(path.join(ROOT, 'ml/.venv/bin/python'), [path.join(ROOT, 'bench/peer_ingest.py'), config.s3.bucket, key, table], {
      encoding: 'utf8',
      env: { ...process.env, ...jobEnvironment(config), PYTHONPATH: path.join(ROOT, 'ml') },
    });
    if (run.status !== 0) throw new Error(`peer pipeline failed: ${run.stderr}`);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as { rows: number; read_s: number; append_s: number };
    if (out.rows !== rows) throw new Error(`peer read ${out.rows} rows, generated ${rows}`);
    const seconds = (performance.now() - t0) / 1000;
    const up = (uploaded - t0) / 1000;
    return {
      label: 'peer',
      seconds,
      uploadSeconds: up,
      apiCpu: 0,
      rssGrowthMb: 0,
      peakMb: 0,
      note: `peer: SDK Upload ${up.toFixed(1)} s, pyarrow read ${out.read_s.toFixed(1)} s, pyiceberg append ${out.append_s.toFixed(1)} s, total ${seconds.toFixed(1)} s`,
    };
  } finally {
    s3.destroy();
  }
}

export async function benchUpload(ctx: BenchContext): Promise<BenchResult[]> {
  const sizeMb = Number(process.env.BENCH_UPLOAD_MB ?? 1024);
  const largeMb = Number(process.env.BENCH_UPLOAD_LARGE_MB ?? 0);
  const file = path.join(os.tmpdir(), `dataml-bench-${process.pid}.csv`);
  // A whole run (1 GB three ways, then BENCH_UPLOAD_LARGE_MB) outlasts an access token: the SDK signs in and
  // refreshes on its own; the plain requests take a token at most 10 minutes old.
  const auth: Record<string, string> = {};
  let tokenAt = Number.NEGATIVE_INFINITY;
  const freshAuth = async () => {
    if (performance.now() - tokenAt > 10 * 60_000) {
      auth.authorization = `Bearer ${await ctx.adminToken()}`;
      tokenAt = performance.now();
    }
    return auth;
  };
  await freshAuth();
  const client = new DatamlClient({ baseUrl: ctx.baseUrl });
  await client.login(process.env.ADMIN_USERNAME ?? 'admin', process.env.ADMIN_PASSWORD ?? 'admin123');
  // The harness runs the API only; validation needs a worker.
  const { startInProcessWorker } = await import('../test/support/worker.js');
  const worker = await startInProcessWorker(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }));
  try {
    const { rows, size } = await generateCsv(file, sizeMb * MB);
    const baseline = pyarrowSeconds(file);
    const gb = size / 1024 ** 3;

    const tpl = await fetch(`${ctx.baseUrl}/api/v1/template/`, {
      method: 'POST',
      headers: { ...(await freshAuth()), 'content-type': 'application/json' },
      body: JSON.stringify({ template_name: `bench-${Date.now()}`, template_schema: TEMPLATE }),
    });
    if (!tpl.ok) throw new Error(`template: HTTP ${tpl.status} ${await tpl.text()}`);
    const templateId = ((await tpl.json()) as { id: number }).id;

    /** A dataset of the template holding one tiny file, for the session path to add its file to. */
    const emptyishDataset = async () => {
      const form = new FormData();
      form.append('files', new Blob(['id,customer,amount,active,day,note\n-1,seed,0,true,2024-01-01,\n']), 'seed.csv');
      const r = await fetch(`${ctx.baseUrl}/api/v1/dataset/upload?dataset_name=bench-s-${Date.now()}&usage=t&template_id=${templateId}`, {
        method: 'POST',
        headers: await freshAuth(),
        body: form,
      });
      if (r.status !== 201) throw new Error(`session dataset: HTTP ${r.status} ${await r.text()}`);
      return ((await r.json()) as { dataset_id: number }).dataset_id;
    };

    const sessionRun = async (csv: string, expectRows: number, label: string): Promise<PathRun & { jobPeakGb: string | null }> => {
      const datasetId = await emptyishDataset();
      const t0 = performance.now();
      const m = await measureApi(ctx.apiPid, () => client.uploadInSession(datasetId, csv, { name: 'bench.csv' }));
      const f = await validated(ctx, freshAuth, datasetId, m.value.files[0]!.id, t0);
      const done = performance.now();
      if (f.total_records !== expectRows) throw new Error(`${label}: validated ${f.total_records} records, generated ${expectRows}`);
      const job = await validateJobTiming(t0, done, `upload-validate-${datasetId}-${m.value.files[0]!.id}`);
      const seconds = (done - t0) / 1000;
      return {
        label,
        seconds,
        uploadSeconds: m.seconds,
        apiCpu: m.apiCpu,
        rssGrowthMb: m.rssGrowthMb,
        peakMb: m.peakMb,
        jobPeakGb: job.peakGb,
        note:
          `${label}: upload ${m.seconds.toFixed(1)} s, upload+validate ${seconds.toFixed(1)} s, API ${m.apiCpu.toFixed(2)} CPU-s and ` +
          `+${m.rssGrowthMb.toFixed(0)} MB RSS (peak ${m.peakMb.toFixed(0)} MB) during the upload; ${job.text}`,
      };
    };

    const seedRun = async (): Promise<PathRun> => {
      const headers = await freshAuth();
      const t0 = performance.now();
      const m = await measureApi(ctx.apiPid, () =>
        postMultipartFile(
          `${ctx.baseUrl}/api/v1/dataset/upload?dataset_name=bench-${Date.now()}&usage=t&template_id=${templateId}`,
          headers,
          file,
          'bench.csv',
        ),
      );
      if (m.value.status !== 201) throw new Error(`upload: HTTP ${m.value.status} ${m.value.body}`);
      const body = JSON.parse(m.value.body) as { dataset_id: number; files: Array<{ id: number }> };
      const f = await validated(ctx, freshAuth, body.dataset_id, body.files[0]!.id, t0);
      const done = performance.now();
      if (f.total_records !== rows) throw new Error(`seed path: validated ${f.total_records} records, generated ${rows}`);
      const job = await validateJobTiming(t0, done, `upload-validate-${body.dataset_id}-${body.files[0]!.id}`);
      const seconds = (done - t0) / 1000;
      return {
        label: 'seed multipart',
        seconds,
        uploadSeconds: m.seconds,
        apiCpu: m.apiCpu,
        rssGrowthMb: m.rssGrowthMb,
        peakMb: m.peakMb,
        note:
          `seed multipart: upload ${m.seconds.toFixed(1)} s, upload+validate ${seconds.toFixed(1)} s, API ${m.apiCpu.toFixed(2)} CPU-s and ` +
          `+${m.rssGrowthMb.toFixed(0)} MB RSS during the upload; ${job.text}`,
      };
    };

    // All on the same file, one after the other, so each meets the same machine load as nearly as possible.
    const logged = <T extends { note: string }>(r: T) => {
      console.log(`[bench] upload: ${r.note}`);
      return r;
    };
    const peer = logged(await peerRun(file, rows));
    // A server that takes upload sessions has taken one before: the process's first session pays once for loading
    // and compiling that code path (reported here, not counted per GB), so one small file goes through first.
    const warmCsv = `${file}.warm.csv`;
    const warm = await generateCsv(warmCsv, 64 * 1024);
    const first = logged(await sessionRun(warmCsv, warm.rows, 'first session of the API process (warm-up, 64 KB)'));
    rmSync(warmCsv, { force: true });
    const idleRate = await apiIdleRate(ctx.apiPid);
    const session = logged(await sessionRun(file, rows, 'session'));
    const seed = logged(await seedRun());
    /** The API's CPU-seconds per GB of an upload, less what it spends idle over the same time. */
    const netCpuPerGb = (run: PathRun, gigabytes: number) => Math.max(0, run.apiCpu - idleRate * run.uploadSeconds) / gigabytes;
    const common = `${(size / MB).toFixed(0)} MB, ${rows} rows; pyarrow.csv.read_csv ${baseline.toFixed(1)} s`;
    const results: BenchResult[] = [
      {
        name: 'upload session + validation vs the hand pipeline (SDK Upload + pyarrow + pyiceberg)',
        value: Math.round(session.seconds * 10) / 10,
        unit: 's',
        baseline: Math.round(peer.seconds * 10) / 10,
        ratio: peer.seconds / session.seconds,
        target: '>= 1.2',
        note: `${common}; ${peer.note}; ${session.note}`,
      },
      {
        name: 'seed multipart upload + validation vs the hand pipeline',
        value: Math.round(seed.seconds * 10) / 10,
        unit: 's',
        baseline: Math.round(peer.seconds * 10) / 10,
        ratio: peer.seconds / seed.seconds,
        target: '>= 1.0',
        note: seed.note,
      },
      {
        name: 'upload session + validation MB/s vs pyarrow.csv.read_csv (reported; moonshot 0.5)',
        value: Math.round((size / MB / session.seconds) * 10) / 10,
        unit: 'MB/s',
        baseline: Math.round((size / MB / baseline) * 10) / 10,
        ratio: baseline / session.seconds,
        target: '',
      },
      {
        name: 'API CPU-seconds per GB, upload session',
        value: Math.round((session.apiCpu / gb) * 100) / 100,
        unit: 'CPU-s/GB',
        baseline: Math.round((seed.apiCpu / gb) * 100) / 100,
        ratio: session.apiCpu / gb,
        target: '<= 0.2',
        note:
          `baseline: the seed multipart path; less the API's idle CPU (${(idleRate * 1000).toFixed(1)} ms/s, measured for 10 s ` +
          `before) over the upload's ${session.uploadSeconds.toFixed(0)} s: session ${netCpuPerGb(session, gb).toFixed(2)}, ` +
          `seed ${netCpuPerGb(seed, gb).toFixed(2)} CPU-s/GB; the process's first session (64 KB, before): ${first.apiCpu.toFixed(2)} CPU-s`,
      },
      {
        name: 'API peak RSS growth per GB, upload session',
        value: Math.round(session.rssGrowthMb / gb),
        unit: 'MB/GB',
        baseline: Math.round(seed.rssGrowthMb / gb),
        ratio: session.rssGrowthMb / gb,
        target: '<= 50',
        note: 'baseline: the seed multipart path',
      },
    ];
    if (largeMb > 0) {
      rmSync(file, { force: true });
      const big = await generateCsv(file, largeMb * MB);
      const large = logged(await sessionRun(file, big.rows, `session ${(big.size / 1024 ** 3).toFixed(1)} GB`));
      results.push({
        // Per GB like the default-size row; that the memory is bounded shows in the peaks (API and job) beside the
        // default-size run's, in the note.
        name: `API peak RSS growth per GB, ${(big.size / 1024 ** 3).toFixed(1)} GB through an upload session`,
        value: Math.round((large.rssGrowthMb / (big.size / 1024 ** 3)) * 10) / 10,
        unit: 'MB/GB',
        baseline: Math.round(session.rssGrowthMb),
        ratio: large.rssGrowthMb / (big.size / 1024 ** 3),
        target: '<= 50',
        note:
          `baseline: the ${(size / MB).toFixed(0)} MB session run's growth (MB); API peak ${large.peakMb.toFixed(0)} MB ` +
          `(${(size / MB).toFixed(0)} MB run: ${session.peakMb.toFixed(0)} MB); validate job peak ${large.jobPeakGb ?? '?'} GB (${(size / MB).toFixed(0)} MB run: ` +
          `${session.jobPeakGb ?? '?'} GB); API ${(large.apiCpu / (big.size / 1024 ** 3)).toFixed(2)} CPU-s/GB, ` +
          `${netCpuPerGb(large, big.size / 1024 ** 3).toFixed(2)} less its idle rate; ${large.note}`,
      });
    }
    return results;
  } finally {
    rmSync(file, { force: true });
    await worker.stop();
  }
}

export default benchUpload;
