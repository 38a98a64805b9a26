// Upload + validation of a generated CSV (default 1 GiB; BENCH_UPLOAD_MB for quick runs) through the API into
// Iceberg, in MB/s, as a ratio to pyarrow.csv.read_csv of the same file measured in the same run (target >= 0.5);
// and the API process's peak RSS growth while it streams the upload (target <= 150 MB).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
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

/** User + system CPU seconds a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssKb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const get = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: get('VmRSS'), hwm: get('VmHWM') };
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
async function validateJobTiming(t0: number, done: number): Promise<string> {
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
    if (!job?.end_time) return 'validate job: not found';
    const logs = ((await (await fetch(`${config.ray.address}/api/jobs/${job.submission_id}/logs`)).json()) as { logs: string }).logs;
    const phases = /timing: (.*)/.exec(logs)?.[1] ?? 'no phase times';
    const s = (ms: number) => (ms / 1000).toFixed(1);
    return (
      `validate job: starts ${s(job.start_time - origin - t0)} s after the upload began, runs ${s(job.end_time - job.start_time)} s (${phases}), ` +
      `seen done ${s(done - (job.end_time - origin))} s later`
    );
  } catch (err) {
    return `validate job timing unavailable: ${(err as Error).message}`;
  }
}

export async function benchUpload(ctx: BenchContext): Promise<BenchResult[]> {
  const sizeMb = Number(process.env.BENCH_UPLOAD_MB ?? 1024);
  const file = path.join(os.tmpdir(), `dataml-bench-${process.pid}.csv`);
  const token = await ctx.adminToken();
  const auth = { authorization: `Bearer ${token}` };
  // The harness runs the API only; validation needs a worker.
  const { startInProcessWorker } = await import('../test/support/worker.js');
  const worker = await startInProcessWorker(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }));
  try {
    const { rows, size } = await generateCsv(file, sizeMb * MB);
    const baseline = pyarrowSeconds(file);

    const tpl = await fetch(`${ctx.baseUrl}/api/v1/template/`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ template_name: `bench-${Date.now()}`, template_schema: TEMPLATE }),
    });
    if (!tpl.ok) throw new Error(`template: HTTP ${tpl.status} ${await tpl.text()}`);
    const templateId = ((await tpl.json()) as { id: number }).id;

    const before = rssKb(ctx.apiPid);
    let peak = before.rss;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssKb(ctx.apiPid).rss);
      } catch {
        /* process gone */
      }
    }, 50);
    const cpu0 = { api: cpuSeconds(ctx.apiPid), client: process.cpuUsage() };
    const t0 = performance.now();
    const res = await postMultipartFile(
      `${ctx.baseUrl}/api/v1/dataset/upload?dataset_name=bench-${Date.now()}&usage=t&template_id=${templateId}`,
      auth,
      file,
      'bench.csv',
    );
    const uploaded = performance.now();
    const clientCpu = process.cpuUsage(cpu0.client);
    const uploadCpu = `upload CPU: API ${(cpuSeconds(ctx.apiPid) - cpu0.api).toFixed(1)} s, this client ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s`;
    clearInterval(sampler);
    const after = rssKb(ctx.apiPid);
    if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${res.body}`);
    const body = JSON.parse(res.body) as { dataset_id: number };

    let file0: { status: string; total_records: number | null; error_report: { valid_rows: number } | null } | undefined;
    for (;;) {
      const list = await fetch(`${ctx.baseUrl}/api/v1/files/list?dataset_id=${body.dataset_id}`, { headers: auth });
      file0 = ((await list.json()) as { data: NonNullable<typeof file0>[] }).data[0];
      if (file0 && !['uploaded', 'validating'].includes(file0.status)) break;
      if (performance.now() - t0 > 60 * 60_000) throw new Error('validation did not finish within an hour');
      await new Promise((r) => setTimeout(r, 250));
    }
    const done = performance.now();
    if (file0.total_records !== rows) throw new Error(`validated ${file0.total_records} records, generated ${rows}`);

    const job = await validateJobTiming(t0, done);
    const sizeMB = size / MB;
    const mbps = sizeMB / ((done - t0) / 1000);
    const baseMbps = sizeMB / baseline;
    const growthMb = (peak - before.rss) / 1024;
    const note =
      `${sizeMB.toFixed(0)} MB, ${rows} rows (${file0.error_report?.valid_rows ?? '?'} valid): upload ${((uploaded - t0) / 1000).toFixed(1)} s, ` +
      `upload+validate ${((done - t0) / 1000).toFixed(1)} s; ${uploadCpu}; pyarrow.csv.read_csv ${baseline.toFixed(1)} s; ` +
      `${job}; API RSS ${(before.rss / 1024).toFixed(0)} -> peak ${(peak / 1024).toFixed(0)} MB (VmHWM ${(before.hwm / 1024).toFixed(0)} -> ${(after.hwm / 1024).toFixed(0)} MB)`;
    return [
      {
        name: 'upload+validate MB/s vs pyarrow.csv.read_csv',
        value: Math.round(mbps * 10) / 10,
        unit: 'MB/s',
        baseline: Math.round(baseMbps * 10) / 10,
        ratio: mbps / baseMbps,
        target: '>= 0.5',
        note,
      },
      {
        name: 'API peak RSS growth during upload',
        value: Math.round(growthMb),
        unit: 'MB',
        baseline: Math.round(before.rss / 1024),
        ratio: growthMb,
        target: '<= 150',
      },
    ];
  } finally {
    rmSync(file, { force: true });
    await worker.stop();
  }
}

export default benchUpload;
