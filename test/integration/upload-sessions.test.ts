// Upload sessions on the real stack: a multi-part file PUT by the client straight to SeaweedFS through the
// presigned part URLs, one part dropped mid-body and retried after asking which parts are there, then
// completed, validated by the same workflow as 7.1, and read back from Iceberg row for row; an abandoned
// session expires and its S3 multipart upload is aborted by its workflow.
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { ListPartsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobEnvironment, type Config } from '../../config/config.js';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { buildTestApp, uniq } from '../support/stack.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const MIB = 1024 * 1024;
const TEMPLATE = [
  { column_name: 'id', data_type: 'Integer' },
  { column_name: 'name', data_type: 'String' },
  { column_name: 'score', data_type: 'Float' },
];

function tableRows(config: Config, identifier: string): Array<{ id: number; name: string; score: number }> {
  const out = execFileSync(path.join(ROOT, 'ml/.venv/bin/python'), [path.join(ROOT, 'test/support/inspect_dataset_table.py'), identifier], {
    env: { ...process.env, ...jobEnvironment(config) },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!).rows;
}

/** ~11 MiB of rows of ~1 KB (quoted commas and line breaks included), so parts split records anywhere. */
function bigCsv() {
  const rows: Array<{ id: number; name: string; score: number }> = [];
  const lines = ['id,name,score'];
  for (let i = 0; i < 11_000; i++) {
    const name = `n${i}${i % 7 === 0 ? ', with "quotes"\nand a break' : ''}${'x'.repeat(900 + (i % 200))}`;
    const row = { id: 1_000_000 + i, name, score: i / 8 };
    rows.push(row);
    lines.push(`${row.id},"${name.replace(/"/g, '""')}",${row.score}`);
  }
  return { rows, bytes: Buffer.from(`${lines.join('\n')}\n`) };
}

/** PUTs one part to its presigned URL; the store's answer (its error text when it refused). */
async function put(url: string, body: Buffer) {
  const res = await fetch(url, { method: 'PUT', body: new Blob([body as BlobPart]) });
  return { status: res.status, text: await res.text() };
}

/** A PUT that dies halfway through its body, as a dropped connection would. */
function droppedPut(url: string, body: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': body.length } });
    req.on('error', () => resolve());
    req.on('response', () => resolve()); // S3 answered before the drop: the part is then incomplete anyway
    req.write(body.subarray(0, body.length >> 1), () => {
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
  });
}

describe('upload sessions: direct-to-S3 multipart uploads', () => {
  let suite: JobSuite;
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;

  const json = async (a: typeof app, p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await a.call(p, { ...init, token: init.as ?? token });
    return { status: res.status, body: (await res.json()) as any };
  };

  async function newDataset(a: typeof app) {
    const tpl = await json(a, '/api/v1/template/', { method: 'POST', json: { template_name: uniq('tpl'), template_schema: TEMPLATE } });
    expect(tpl.status).toBe(201);
    const form = new FormData();
    form.append('files', new Blob(['id,name,score\n1,seed,0.5\n'], { type: 'text/csv' }), 'seed.csv');
    const ds = await json(a, `/api/v1/dataset/upload?dataset_name=${uniq('ds')}&usage=t&template_id=${tpl.body.id}`, {
      method: 'POST',
      body: form,
    });
    expect(ds.status).toBe(201);
    return ds.body.dataset_id as number;
  }

  async function settled(datasetId: number, timeoutMs = 240_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = await json(app, `/api/v1/files/list?dataset_id=${datasetId}`);
      if (r.body.data.every((f: any) => !['uploaded', 'validating'].includes(f.status))) return r.body.data as any[];
      if (Date.now() > until) throw new Error(`validation of dataset ${datasetId} did not finish: ${JSON.stringify(r.body)}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }

  beforeAll(async () => {
    suite = await startJobSuite();
    token = suite.token;
    app = await buildTestApp({ UPLOAD_SESSION_PART_BYTES: String(5 * MIB) });
  });
  afterAll(async () => {
    await app?.close();
    await suite?.close();
  });

  it('uploads the parts in parallel, resumes a dropped part, completes, and validates every row exactly', {
    timeout: 300_000,
  }, async () => {
    const datasetId = await newDataset(app);
    const { rows, bytes } = bigCsv();
    const created = await json(app, `/api/v1/files/upload_sessions?dataset_id=${datasetId}`, {
      method: 'POST',
      json: { file_name: 'big rows.csv', size: bytes.length },
    });
    expect(created.status).toBe(201);
    const s = created.body;
    expect(s).toMatchObject({ dataset_id: datasetId, part_size: 5 * MIB, part_count: 3, status: 'open', uploaded_parts: [] });
    expect(s.missing_parts.map((p: any) => [p.part_number, p.size])).toEqual([
      [1, 5 * MIB],
      [2, 5 * MIB],
      [3, bytes.length - 10 * MIB],
    ]);
    // Another tenant sees no such session.
    expect((await json(app, `/api/v1/files/upload_sessions/${s.session_id}`, { as: suite.other })).status).toBe(404);

    const slice = (n: number) => bytes.subarray((n - 1) * s.part_size, Math.min(n * s.part_size, bytes.length));
    const [p1, p2, p3] = s.missing_parts;
    // Parts 1 and 3 in parallel, part 2's connection drops halfway.
    const results = await Promise.all([put(p1.url, slice(1)), droppedPut(p2.url, slice(2)), put(p3.url, slice(3))]);
    const [r1, , r3] = results as Array<{ status: number; text: string }>;
    expect(r1!.status, r1!.text).toBe(200);
    expect(r3!.status, r3!.text).toBe(200);

    // Completing now names the missing part and leaves the session open.
    const early = await json(app, `/api/v1/files/upload_sessions/${s.session_id}/complete`, { method: 'POST' });
    expect(early.status).toBe(409);
    expect(early.body.error.details).toEqual({ missing_parts: [2] });

    // Resume: the store holds parts 1 and 3; part 2 gets a fresh URL.
    const resumed = await json(app, `/api/v1/files/upload_sessions/${s.session_id}`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('open');
    expect(resumed.body.missing_parts.map((p: any) => p.part_number)).toEqual([2]);
    expect(
      resumed.body.uploaded_parts.filter((p: any) => p.size === s.part_size || p.part_number === 3).map((p: any) => p.part_number),
    ).toEqual(expect.arrayContaining([1, 3]));
    expect((await put(resumed.body.missing_parts[0].url, slice(2))).status).toBe(200);

    const done = await json(app, `/api/v1/files/upload_sessions/${s.session_id}/complete`, { method: 'POST' });
    expect(done.status).toBe(201);
    expect(done.body.files).toEqual([expect.objectContaining({ id: s.file_id, file_name: 'big rows.csv', status: 'uploaded' })]);
    expect(done.body.workflow_id).toBe(`upload-validate-${datasetId}-${s.file_id}`);
    expect((await json(app, `/api/v1/files/upload_sessions/${s.session_id}/complete`, { method: 'POST' })).status).toBe(409);

    const files = await settled(datasetId);
    const file = files.find((f) => f.id === s.file_id);
    expect(file, JSON.stringify(file?.error_report)).toMatchObject({ status: 'valid', total_records: rows.length, total_fields: 3 });

    // The stored object is the file, byte for byte (7.5), and the table holds exactly its rows.
    const details = await json(app, `/api/v1/files/get_file_by_id/?file_id=${s.file_id}`);
    const dl = await app.call(`/api/v1/files/download/?file_path=${encodeURIComponent(details.body.csv_file_path)}`, { token });
    expect(Buffer.from(await dl.arrayBuffer()).equals(bytes)).toBe(true);
    const ds = (await json(app, '/api/v1/dataset/list')).body.data.find((d: any) => d.id === datasetId);
    const lake = tableRows(app.config, `silver.${ds.iceberg_table_name}`).filter((r) => r.id >= 1_000_000);
    expect(lake.sort((a, b) => a.id - b.id)).toEqual(rows);
  });

  it('expires an abandoned session and aborts its parts in the store', { timeout: 120_000 }, async () => {
    const short = await buildTestApp({ UPLOAD_SESSION_PART_BYTES: String(5 * MIB), UPLOAD_SESSION_TTL_SECONDS: '3' });
    try {
      const datasetId = await newDataset(short);
      const created = await json(short, `/api/v1/files/upload_sessions?dataset_id=${datasetId}`, {
        method: 'POST',
        json: { file_name: 'abandoned.csv', size: 6 * MIB },
      });
      expect(created.status).toBe(201);
      const s = created.body;
      expect((await put(s.missing_parts[0].url, Buffer.alloc(5 * MIB, 'a'))).status).toBe(200);
      const row = await short.deps.db
        .selectFrom('upload_sessions')
        .select(['s3_key', 'upload_id'])
        .where('id', '=', s.session_id)
        .executeTakeFirstOrThrow();
      const listParts = () =>
        short.deps.s3.send(new ListPartsCommand({ Bucket: short.config.s3.bucket, Key: row.s3_key, UploadId: row.upload_id }));
      expect((await listParts()).Parts?.map((p) => p.PartNumber)).toEqual([1]);

      const until = Date.now() + 60_000;
      let status = 'open';
      while (status !== 'expired' && Date.now() < until) {
        await new Promise((res) => setTimeout(res, 500));
        status = (await json(short, `/api/v1/files/upload_sessions/${s.session_id}`)).body.status;
      }
      expect(status).toBe('expired');
      // The workflow aborted the upload after marking the session: wait for it to end, then S3 knows no such upload.
      await short.deps.temporal.workflow.getHandle(`upload-session-expiry-${s.session_id}`).result();
      await expect(listParts()).rejects.toMatchObject({ name: 'NoSuchUpload' });
      const late = await json(short, `/api/v1/files/upload_sessions/${s.session_id}/complete`, { method: 'POST' });
      expect(late.status).toBe(409);
      expect(late.body.error.details).toEqual({ status: 'expired' });
    } finally {
      await short.close();
    }
  });
});
