// The data module end to end on the real stack: templates, uploads streamed to S3, the upload-validate workflow
// (Temporal → Ray → Iceberg), previews, downloads, statistics and deletes, checked against values computed here.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobEnvironment, type Config } from '../../config/config.js';
import type { UploadValidateInput } from '../../contracts/data-workflows.js';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { buildTestApp, uniq } from '../support/stack.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

interface Lake {
  exists: boolean;
  rows: Array<Record<string, unknown>>;
  types: Record<string, string>;
  snapshot_id: string | null;
  snapshot_ids: string[];
}

function inspectTable(config: Config, identifier: string): Lake {
  const out = execFileSync(path.join(ROOT, 'ml/.venv/bin/python'), [path.join(ROOT, 'test/support/inspect_dataset_table.py'), identifier], {
    env: { ...process.env, ...jobEnvironment(config) },
    encoding: 'utf8',
    maxBuffer: 64 << 20, // a 10,000-column table prints ~1 MB
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Lake;
}

const TEMPLATE = [
  { column_name: 'id', data_type: 'Integer' },
  { column_name: 'name', data_type: 'String' },
  { column_name: 'score', data_type: 'Float', default_value: '0.5' },
  { column_name: 'active', data_type: 'Boolean', nullable: true },
  { column_name: 'day', data_type: 'Date', nullable: true },
] as const;

// BOM, CRLF, a quoted field with a comma and a line break; rows 4 (type), 5 (ragged), 6 (empty mandatory) are invalid.
const MIXED_CSV =
  '\uFEFFid,name,score,active,day\r\n' +
  '1,alice,1.5,true,2024-02-29\r\n' +
  '2,"bob, the\r\nbuilder",,false,\r\n' +
  'x3,carol,2,true,2024-01-01\r\n' +
  '4,dave\r\n' +
  '5,,3,true,2024-01-02\r\n' +
  '6,erin,-7.25,0,2024-12-31\r\n';

describe('data module on the real stack', () => {
  let suite: JobSuite;
  let t: JobSuite['t'];
  let token: string;
  let other: string; // a user of another tenant holding every permission

  const call = (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => t.call(p, { ...init, token: init.as ?? token });
  const json = async (p: string, init: RequestInit & { json?: unknown; as?: string } = {}) => {
    const res = await call(p, init);
    return { status: res.status, body: (await res.json()) as any };
  };
  const upload = (p: string, files: Array<{ name: string; content: string | Uint8Array }>, as?: string) => {
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([f.content as BlobPart], { type: 'text/csv' }), f.name);
    return json(p, { method: 'POST', body: form, as });
  };
  const createTemplate = async (name: string, schema: readonly unknown[] = TEMPLATE) => {
    const r = await json('/api/v1/template/', { method: 'POST', json: { template_name: name, template_schema: schema } });
    expect(r.status).toBe(201);
    return r.body.id as number;
  };
  async function settled(datasetId: number, timeoutMs = 150_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = await json(`/api/v1/files/list?dataset_id=${datasetId}`);
      if (r.status === 200 && r.body.data.every((f: any) => !['uploaded', 'validating'].includes(f.status))) return r.body.data as any[];
      if (Date.now() > until) throw new Error(`validation of dataset ${datasetId} did not finish: ${JSON.stringify(r.body)}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }
  const datasetRow = async (id: number) => (await json('/api/v1/dataset/list')).body.data.find((d: any) => d.id === id);

  beforeAll(async () => {
    suite = await startJobSuite();
    ({ t, token, other } = suite);
  });
  afterAll(() => suite?.close());

  it('templates: create, versioned update, validation errors, tenant isolation, delete', async () => {
    const name = uniq('tpl');
    const id = await createTemplate(name);
    expect((await json('/api/v1/template/', { method: 'POST', json: { template_name: name.toUpperCase() } })).status).toBe(409);
    const badDefault = await json('/api/v1/template/', {
      method: 'POST',
      json: { template_name: uniq('bad'), template_schema: [{ column_name: 'n', data_type: 'Integer', default_value: '1.5' }] },
    });
    expect(badDefault.status).toBe(422);
    const dupCol = await json('/api/v1/template/', {
      method: 'POST',
      json: {
        template_name: uniq('bad'),
        template_schema: [
          { column_name: 'a', data_type: 'String' },
          { column_name: 'A', data_type: 'String' },
        ],
      },
    });
    expect(dupCol.status).toBe(422);
    expect(
      (
        await json('/api/v1/template/', {
          method: 'POST',
          json: { template_name: uniq('bad'), template_schema: [{ column_name: 'a', data_type: 'Text' }] },
        })
      ).status,
    ).toBe(422);

    const got = await json(`/api/v1/template/${id}`);
    expect(got.body).toMatchObject({ id, template_name: name, no_of_columns: 5, version: 1 });
    expect(got.body.template_schema[2]).toEqual({ column_name: 'score', data_type: 'Float', default_value: '0.5', nullable: false });
    const list = await json('/api/v1/template/list');
    expect(list.body.data.some((x: any) => x.id === id)).toBe(true);

    const upd = await json(`/api/v1/template/update/${id}`, {
      method: 'PUT',
      json: { template_name: `${name} v2`, template_schema: [{ column_name: 'a', data_type: 'String' }] },
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toEqual({
      template_name: `${name} v2`,
      template_schema: [{ column_name: 'a', data_type: 'String', default_value: null, nullable: false }],
      version: 2,
    });

    expect((await json(`/api/v1/template/${id}`, { as: other })).status).toBe(404);
    expect((await json(`/api/v1/template/${id}`, { method: 'DELETE', as: other })).status).toBe(404);
    expect((await json(`/api/v1/template/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await json(`/api/v1/template/${id}`)).status).toBe(404);
  });

  let mixed: { datasetId: number; fileId: number; table: string; templateId: number; csvPath: string };

  it('uploads a file, validates every row and writes the valid ones typed to Iceberg in one commit', async () => {
    const templateId = await createTemplate(uniq('tpl'));
    const name = uniq('ds');
    const r = await upload(`/api/v1/dataset/upload?dataset_name=${name}&usage=t&template_id=${templateId}`, [
      { name: 'mixed data.csv', content: MIXED_CSV },
    ]);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ dataset_name: name, data_source: 'csv', template_id: templateId });
    expect(r.body.workflow_id).toBe(`upload-validate-${r.body.dataset_id}-${r.body.files[0].id}`);
    expect(r.body.files[0]).toMatchObject({ file_name: 'mixed data.csv', total_records: null, error_report: null });

    const [file] = await settled(r.body.dataset_id);
    expect(file).toMatchObject({ status: 'invalid', total_fields: 5, total_records: 6 });
    const report = file.error_report;
    expect(report).toMatchObject({ valid: false, total_rows: 6, valid_rows: 3, invalid_rows: 3 });
    expect(report.counts).toEqual({ type_error: 1, ragged_row: 1, empty_mandatory: 1 });
    const at = Object.fromEntries(report.examples.map((e: any) => [e.rule, e]));
    expect(at.type_error).toMatchObject({ row: 4, column: 'id', value: 'x3' });
    expect(at.ragged_row).toMatchObject({ row: 5 });
    expect(at.empty_mandatory).toMatchObject({ row: 6, column: 'name' });
    expect(file.snapshot_id).toMatch(/^\d+$/);

    const ds = await datasetRow(r.body.dataset_id);
    expect(ds).toMatchObject({
      is_valid: false,
      dataset_usability: '50%',
      usage: 't',
      dataset_usage: 'Training',
      file_count: 1,
      template_id: templateId,
    });
    const table = `silver.${ds.iceberg_table_name}`;

    const lake = inspectTable(t.config, table);
    expect(lake.types).toEqual({ id: 'long', name: 'string', score: 'double', active: 'boolean', day: 'date' });
    expect(lake.snapshot_id).toBe(file.snapshot_id);
    expect(lake.snapshot_ids).toHaveLength(1);
    expect(lake.rows).toEqual([
      { id: 1, name: 'alice', score: 1.5, active: true, day: '2024-02-29' },
      { id: 2, name: 'bob, the\r\nbuilder', score: 0.5, active: false, day: null },
      { id: 6, name: 'erin', score: -7.25, active: false, day: '2024-12-31' },
    ]);

    // 6.6: the same rows, typed, paginated.
    const view = await json(`/api/v1/dataset/view?dataset_id=${r.body.dataset_id}&limit=2&offset=1`);
    expect(view.body.preview).toEqual(lake.rows.slice(1, 3));
    // 7.3: raw records, header first.
    const raw = await json(`/api/v1/files/view?file_id=${file.id}&limit=2&offset=0`);
    expect(raw.body.content_preview).toEqual([
      'id,name,score,active,day',
      '1,alice,1.5,true,2024-02-29',
      '2,"bob, the\r\nbuilder",,false,',
    ]);
    // 7.6 and 7.5
    const details = await json(`/api/v1/files/get_file_by_id/?file_id=${file.id}`);
    expect(details.body).toMatchObject({ id: file.id, dataset_id: r.body.dataset_id, hdf_file_path: null });
    expect(details.body.csv_file_path).toMatch(
      new RegExp(`^s3://${t.config.s3.bucket}/tenants/[0-9a-f-]+/datasets/${r.body.dataset_id}/raw/${file.id}-mixed_data\\.csv$`),
    );
    const dl = await call(`/api/v1/files/download/?file_path=${encodeURIComponent(details.body.csv_file_path)}`);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(Buffer.from(MIXED_CSV))).toBe(true);
    const byGet = await json(`/api/v1/dataset/get_dataset_by_id?dataset_id=${r.body.dataset_id}`);
    expect(byGet.body).toMatchObject({
      dataset_name: name,
      iceberg_table_name: ds.iceberg_table_name,
      validated_path: table,
      data_source: 'csv',
    });

    mixed = { datasetId: r.body.dataset_id, fileId: file.id, table, templateId, csvPath: details.body.csv_file_path };
  });

  it('downloads only files of the caller tenant: other tenants, "..", and paths outside the store fail', async () => {
    const p = mixed.csvPath;
    expect((await call(`/api/v1/files/download/?file_path=${encodeURIComponent(p)}`, { as: other })).status).toBe(404);
    const traversal = p.replace(/datasets\/\d+\/raw\//, 'datasets/../../../');
    expect((await call(`/api/v1/files/download/?file_path=${encodeURIComponent(traversal)}`)).status).toBe(400);
    expect((await call(`/api/v1/files/download/?file_path=${encodeURIComponent('/etc/passwd')}`)).status).toBe(404);
    expect((await call(`/api/v1/files/download/?file_path=${encodeURIComponent('s3://another-bucket/x.csv')}`)).status).toBe(404);
    // Other tenants see none of it.
    expect((await json(`/api/v1/files/list?dataset_id=${mixed.datasetId}`, { as: other })).status).toBe(404);
    expect((await json(`/api/v1/dataset/view?dataset_id=${mixed.datasetId}`, { as: other })).status).toBe(404);
    expect((await json(`/api/v1/dataset/list`, { as: other })).body.data.some((d: any) => d.id === mixed.datasetId)).toBe(false);
    // A template a dataset uses cannot be deleted.
    expect((await json(`/api/v1/template/${mixed.templateId}`, { method: 'DELETE' })).status).toBe(409);
  });

  it('adding the same content twice is refused; a new file is validated into its own commit', async () => {
    const dup = await upload(`/api/v1/files/add?dataset_id=${mixed.datasetId}`, [{ name: 'again.csv', content: MIXED_CSV }]);
    expect(dup.status).toBe(409);
    const dupName = await upload(`/api/v1/dataset/upload?dataset_name=${(await datasetRow(mixed.datasetId)).dataset_name}&usage=p`, [
      { name: 'x.csv', content: 'a\n1\n' },
    ]);
    expect(dupName.status).toBe(409);

    const more = 'id,name,score,active,day\n7,gus,1,true,2024-03-01\n8,hal,2,false,\n';
    const r = await upload(`/api/v1/files/add?dataset_id=${mixed.datasetId}`, [{ name: 'more.csv', content: more }]);
    expect(r.status).toBe(201);
    const files = await settled(mixed.datasetId);
    expect(files).toHaveLength(2);
    const added = files.find((f) => f.file_name === 'more.csv');
    expect(added).toMatchObject({ status: 'valid', total_records: 2, error_report: { valid: true, counts: {} } });
    const lake = inspectTable(t.config, mixed.table);
    expect(lake.rows.map((x) => x.id).sort()).toEqual([1, 2, 6, 7, 8]);
    expect(lake.snapshot_ids).toHaveLength(2);
    expect(lake.snapshot_id).toBe(added.snapshot_id);
    expect(await datasetRow(mixed.datasetId)).toMatchObject({ is_valid: false, file_count: 2, dataset_usability: '63%' });
  });

  it('a re-run of the validation for a committed file appends nothing', async () => {
    const before = inspectTable(t.config, mixed.table);
    const ds = await datasetRow(mixed.datasetId);
    const files = await settled(mixed.datasetId);
    const f = files.find((x) => x.id === mixed.fileId);
    const key = (await json(`/api/v1/files/get_file_by_id/?file_id=${f.id}`)).body.csv_file_path.replace(`s3://${t.config.s3.bucket}/`, '');
    const input: UploadValidateInput = {
      tenantId: ds.tenant_id,
      datasetId: mixed.datasetId,
      bucket: t.config.s3.bucket,
      table: mixed.table,
      template: TEMPLATE.map((c) => ({
        column_name: c.column_name,
        data_type: c.data_type,
        default_value: 'default_value' in c ? c.default_value : null,
        nullable: 'nullable' in c ? c.nullable : false,
      })),
      files: [{ fileId: f.id, key }],
    };
    const handle = await t.deps.temporal.workflow.start('uploadValidateWorkflow', {
      taskQueue: t.config.temporal.taskQueue,
      workflowId: `upload-validate-rerun-${uniq()}`,
      args: [input],
    });
    await handle.result();
    const after = inspectTable(t.config, mixed.table);
    expect(after.rows).toHaveLength(before.rows.length);
    expect(after.snapshot_ids).toEqual(before.snapshot_ids);
    const again = (await settled(mixed.datasetId)).find((x) => x.id === mixed.fileId);
    expect(again.snapshot_id).toBe(f.snapshot_id);
  });

  it('a failing Ray job makes a failed file with the error, and the dataset invalid', async () => {
    const ds = await datasetRow(mixed.datasetId);
    const input: UploadValidateInput = {
      tenantId: ds.tenant_id,
      datasetId: mixed.datasetId,
      bucket: t.config.s3.bucket,
      table: mixed.table,
      template: [{ column_name: 'id', data_type: 'Integer', default_value: null, nullable: false }],
      files: [{ fileId: mixed.fileId, key: `tenants/${ds.tenant_id}/datasets/${mixed.datasetId}/raw/no-such-object.csv` }],
    };
    const handle = await t.deps.temporal.workflow.start('uploadValidateWorkflow', {
      taskQueue: t.config.temporal.taskQueue,
      workflowId: `upload-validate-fail-${uniq()}`,
      args: [input],
    });
    await handle.result();
    const f = (await json(`/api/v1/files/get_file_by_id/?file_id=${mixed.fileId}`)).body;
    expect(f.status).toBe('failed');
    expect(f.error_report.counts).toEqual({ job_failed: 1 });
    expect(f.error_report.examples[0].message).toMatch(/validation job failed: .*(not found|NoSuchKey|No such|does not exist|404)/i);
    expect((await datasetRow(mixed.datasetId)).is_valid).toBe(false);
  });

  it('infers a template when none is given, and reports unreadable files as failed files', async () => {
    const csv =
      'when,count,ratio,flag,label,at\n2024-01-01,1,0.5,true,a,2024-01-01T10:00:00Z\n2024-01-02,,1.5,false,b,2024-01-02T11:30:00Z\n';
    const r = await upload(`/api/v1/dataset/upload?dataset_name=${uniq('inf')}&usage=p`, [
      { name: 'good.csv', content: csv },
      { name: 'binary.csv', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
      { name: 'empty.csv', content: '' },
      { name: 'header.csv', content: 'when,count\r\n' },
    ]);
    expect(r.status).toBe(201);
    const tpl = await json(`/api/v1/template/${r.body.template_id}`);
    expect(tpl.body.template_schema).toEqual([
      { column_name: 'when', data_type: 'Date', default_value: null, nullable: false },
      { column_name: 'count', data_type: 'Integer', default_value: null, nullable: true },
      { column_name: 'ratio', data_type: 'Float', default_value: null, nullable: false },
      { column_name: 'flag', data_type: 'Boolean', default_value: null, nullable: false },
      { column_name: 'label', data_type: 'String', default_value: null, nullable: false },
      { column_name: 'at', data_type: 'DateTime', default_value: null, nullable: false },
    ]);
    const files = Object.fromEntries((await settled(r.body.dataset_id)).map((f) => [f.file_name, f]));
    expect(files['good.csv']).toMatchObject({ status: 'valid', total_records: 2 });
    expect(files['binary.csv'].status).toBe('failed');
    expect(files['binary.csv'].error_report.counts).toEqual({ binary_file: 1 });
    expect(files['empty.csv'].error_report.counts).toEqual({ empty_file: 1 });
    expect(files['header.csv'].error_report.counts).toMatchObject({ header_only: 1 });
    const ds = await datasetRow(r.body.dataset_id);
    expect(ds.is_valid).toBe(false);
    const lake = inspectTable(t.config, `silver.${ds.iceberg_table_name}`);
    expect(lake.types).toEqual({ when: 'date', count: 'long', ratio: 'double', flag: 'boolean', label: 'string', at: 'timestamptz' });
    expect(lake.rows).toHaveLength(2);
    expect(lake.rows[1]).toMatchObject({ count: null, at: '2024-01-02T11:30:00+00:00' });
  });

  // Through the API and Ray: the 10,000-column template makes the job input larger than one command-line argument
  // may be (128 KiB), so the activity stages it in S3. Slow for 3 rows: pyiceberg spends ~18 s committing the
  // file (per-column statistics) and ~10 s scanning it back, on a quiet machine. The refusal over the limit runs
  // the job in this process (test/support/run_job_main.py), where the limit can be lowered for one run.
  it('a 10,000-column file validates into a 10,000-column Iceberg table; a file over the limit gets a report naming it', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `col_${String(i).padStart(5, '0')}`);
    const csv = `${[names.join(','), ...[0, 1, 2].map((r) => names.map((_, i) => String(r * 10_000 + i)).join(','))].join('\n')}\n`;
    const template = names.map((c) => ({ column_name: c, data_type: 'Integer', default_value: null, nullable: false }));
    const templateId = await createTemplate(uniq('wide'), template);
    const r = await upload(`/api/v1/dataset/upload?dataset_name=${uniq('wide')}&usage=t&template_id=${templateId}`, [
      { name: 'wide.csv', content: csv },
    ]);
    expect(r.status).toBe(201);
    const [file] = await settled(r.body.dataset_id, 400_000);
    expect(file).toMatchObject({ status: 'valid', total_fields: 10_000, total_records: 3, error_report: { valid: true, counts: {} } });
    const ds = await datasetRow(r.body.dataset_id);
    expect(ds.is_valid).toBe(true);
    const lake = inspectTable(t.config, `silver.${ds.iceberg_table_name}`);
    expect(Object.keys(lake.types)).toHaveLength(10_000);
    expect(lake.types.col_09999).toBe('long');
    expect(lake.rows.map((row) => row.col_09999 as number).sort((a, b) => a - b)).toEqual([9_999, 19_999, 29_999]);
    expect(lake.snapshot_ids).toHaveLength(1);

    const key = `tests/${uniq('wide')}.csv`;
    await t.deps.s3.send(new PutObjectCommand({ Bucket: t.config.s3.bucket, Key: key, Body: csv }));
    const runValidate = (table: string, env: Record<string, string> = {}) => {
      const job = { tenantId: 'test', datasetId: 0, fileId: 1, bucket: t.config.s3.bucket, key, table, template };
      const out = execFileSync(path.join(ROOT, 'ml/.venv/bin/python'), [path.join(ROOT, 'test/support/run_job_main.py'), 'validate'], {
        input: JSON.stringify(job),
        env: { ...process.env, ...jobEnvironment(t.config), ...env },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      return JSON.parse(out.trim().split('\n').pop()!);
    };

    const narrow = `silver.${uniq('wide')}`;
    const refused = runValidate(narrow, { DATAML_VALIDATE_MAX_COLUMNS: '5000' });
    expect(refused).toMatchObject({ readable: false, valid_rows: 0, snapshot_id: null });
    expect(refused.error_report.counts).toEqual({ too_many_columns: 1 });
    expect(refused.error_report.examples[0].message).toBe(
      'the header has 10,000 columns, more than the limit of 5,000 columns per file (DATAML_VALIDATE_MAX_COLUMNS)',
    );
    expect(inspectTable(t.config, narrow).snapshot_id).toBeNull();
  }, 480_000);

  it('statistics: a workflow computes them on the Iceberg table; the endpoint serves them', async () => {
    const templateId = await createTemplate(uniq('tpl'), [
      { column_name: 'x', data_type: 'Float', nullable: true },
      { column_name: 'k', data_type: 'Integer' },
      { column_name: 'city', data_type: 'String' },
    ]);
    const xs: Array<number | null> = [];
    const ks: number[] = [];
    const cities: string[] = [];
    let csv = 'x,k,city\n';
    for (let i = 0; i < 200; i++) {
      const x = i % 10 === 0 ? null : Math.round(Math.sin(i) * 1000) / 100;
      const k = (i * 7) % 13;
      const city = ['paris', 'lyon', 'nice', 'paris', 'lyon', 'paris'][i % 6]!;
      xs.push(x);
      ks.push(k);
      cities.push(city);
      csv += `${x ?? ''},${k},${city}\n`;
    }
    const r = await upload(`/api/v1/dataset/upload?dataset_name=${uniq('st')}&usage=t&template_id=${templateId}`, [
      { name: 's.csv', content: csv },
    ]);
    expect(r.status).toBe(201);
    const [validated] = await settled(r.body.dataset_id);
    expect(validated).toMatchObject({ status: 'valid', total_records: 200 });
    expect((await json(`/api/v1/dataset/statistics?dataset_id=${r.body.dataset_id}`)).status).toBe(404);
    const started = await json(`/api/v1/dataset/generate_statistics?dataset_id=${r.body.dataset_id}`, { method: 'POST' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'success', message: 'Statistics generation job submitted successfully.' });
    let stats: any;
    for (let i = 0; i < 240; i++) {
      stats = (await json(`/api/v1/dataset/statistics?dataset_id=${r.body.dataset_id}`)).body;
      if (['Completed', 'Failed'].includes(stats.status)) break;
      await new Promise((res) => setTimeout(res, 500));
    }
    expect(stats.status).toBe('Completed');
    expect(stats.workflow_id).toBe(started.body.workflow_id);
    const files = await settled(r.body.dataset_id);
    expect(stats.snapshot_id).toBe(files[0].snapshot_id);
    const by = Object.fromEntries(stats.columns.map((c: any) => [c.column_name, c]));
    const present = xs.filter((v): v is number => v !== null);
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    const std = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / (present.length - 1));
    const sorted = [...present].sort((a, b) => a - b);
    const q = (p: number) => {
      const pos = (sorted.length - 1) * p;
      const lo = Math.floor(pos);
      return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
    };
    expect(by.x).toMatchObject({
      count: present.length,
      nulls: 20,
      distinct_count: new Set(present).size,
      min: sorted[0],
      max: sorted.at(-1),
    });
    expect(by.x.mean).toBeCloseTo(mean, 9);
    expect(by.x.std).toBeCloseTo(std, 9);
    expect(by.x.quantiles.p25).toBeCloseTo(q(0.25), 9);
    expect(by.x.quantiles.p50).toBeCloseTo(q(0.5), 9);
    expect(by.x.quantiles.p75).toBeCloseTo(q(0.75), 9);
    expect(by.k).toMatchObject({ count: 200, nulls: 0, distinct_count: 13, min: 0, max: 12 });
    const counts = new Map<string, number>();
    for (const c of cities) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(by.city.top_values).toEqual([...counts].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, count })));
    expect(by.city.mean).toBeNull();
    statsCtx = { table: (await datasetRow(r.body.dataset_id)).iceberg_table_name, present, mean, std, median: q(0.5) };
  });

  let statsCtx: { table: string; present: number[]; mean: number; std: number; median: number };

  it('datalake: schemas, own tables only, columns, metadata, numeric stats and distinct counts from the catalog', async () => {
    const { table } = statsCtx;
    expect((await json('/api/v1/datalake/schemas')).body).toEqual(['bronze', 'silver', 'gold', 'default']);
    const tables = await json('/api/v1/datalake/schemas/tables?schema_name=silver');
    expect(tables.body).toContain(table);
    expect((await json('/api/v1/datalake/schemas/tables?schema_name=silver', { as: other })).body).not.toContain(table);
    expect((await json('/api/v1/datalake/schemas/tables?schema_name=nope')).status).toBe(404);
    expect((await json('/api/v1/datalake/schemas/tables?schema_name=x%3Bdrop')).status).toBe(422);

    const cols = await json(`/api/v1/datalake/tables/columns?schema_name=silver&table_name=${table}`);
    expect(cols.body).toEqual([
      { column_name: 'x', data_type: 'double' },
      { column_name: 'k', data_type: 'bigint' },
      { column_name: 'city', data_type: 'varchar' },
    ]);
    expect((await json(`/api/v1/datalake/tables/columns?schema_name=silver&table_name=${table}`, { as: other })).status).toBe(404);

    const meta = await json(`/api/v1/datalake/table_metadata?schema_name=silver&table_name=${table}`);
    expect(meta.body).toMatchObject({ schema: 'silver', table, owner: 'admin', format: 'iceberg' });
    expect(meta.body.location).toMatch(/^s3:\/\//);
    expect(Date.parse(meta.body.last_access_time)).toBeGreaterThanOrEqual(Date.parse(meta.body.created_time));

    const num = await json(`/api/v1/datalake/numeric_stats?schema_name=silver&table_name=${table}&column_name=x`);
    expect(num.status).toBe(200);
    expect(num.body.count).toBe(statsCtx.present.length);
    expect(num.body.mean).toBeCloseTo(statsCtx.mean, 9);
    expect(num.body.std_dev).toBeCloseTo(statsCtx.std, 9);
    expect(num.body.median).toBeCloseTo(statsCtx.median, 9);
    expect((await json(`/api/v1/datalake/numeric_stats?schema_name=silver&table_name=${table}&column_name=city`)).status).toBe(422);
    expect((await json(`/api/v1/datalake/numeric_stats?schema_name=silver&table_name=${table}&column_name=nope`)).status).toBe(404);
    const distinct = await json(`/api/v1/datalake/distinct-count?schema=silver&table=${table}&column=city`);
    expect(distinct.body).toEqual({ column: 'city', distinct_count: 3 });
    expect((await json(`/api/v1/datalake/distinct-count?schema=silver&table=${table}&column=city`, { as: other })).status).toBe(404);
  });

  it('deletes a file (its rows leave Iceberg) and a dataset (its table and raw files go)', async () => {
    const files = await settled(mixed.datasetId);
    const more = files.find((f) => f.file_name === 'more.csv');
    expect((await json(`/api/v1/files/delete/${more.id}`, { method: 'DELETE', as: other })).status).toBe(404);
    expect((await json(`/api/v1/files/delete/${more.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await json(`/api/v1/files/get_file_by_id/?file_id=${more.id}`)).status).toBe(404);
    let lake = inspectTable(t.config, mixed.table);
    for (let i = 0; i < 120 && lake.rows.some((x) => x.id === 7); i++) {
      await new Promise((res) => setTimeout(res, 500));
      lake = inspectTable(t.config, mixed.table);
    }
    expect(lake.rows.map((x) => x.id).sort()).toEqual([1, 2, 6]);

    expect((await json(`/api/v1/dataset/delete/${mixed.datasetId}`, { method: 'DELETE', as: other })).status).toBe(404);
    expect((await json(`/api/v1/dataset/delete/${mixed.datasetId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await json(`/api/v1/dataset/get_dataset_by_id?dataset_id=${mixed.datasetId}`)).status).toBe(404);
    expect((await call(`/api/v1/files/download/?file_path=${encodeURIComponent(mixed.csvPath)}`)).status).toBe(404);
    for (let i = 0; i < 120 && lake.exists; i++) {
      await new Promise((res) => setTimeout(res, 500));
      lake = inspectTable(t.config, mixed.table);
    }
    expect(lake.exists).toBe(false);
    // Now the template is free.
    expect((await json(`/api/v1/template/${mixed.templateId}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('answers 413 above the size limit and keeps nothing of that upload', async () => {
    const small = await buildTestApp({ UPLOAD_MAX_BYTES: '1000' });
    try {
      const name = uniq('big');
      const form = new FormData();
      form.append('files', new Blob([`a,b\n${'1,2\n'.repeat(2000)}`], { type: 'text/csv' }), 'big.csv');
      const res = await small.call(`/api/v1/dataset/upload?dataset_name=${name}&usage=t`, { method: 'POST', body: form, token });
      expect(res.status).toBe(413);
      const list = (await json('/api/v1/dataset/list')).body.data;
      expect(list.some((d: any) => d.dataset_name === name)).toBe(false);
      // Validation errors of the request itself.
      expect((await json(`/api/v1/dataset/upload?dataset_name=${name}&usage=x`, { method: 'POST', body: new FormData() })).status).toBe(
        422,
      );
      const none = new FormData();
      none.append('other', 'field');
      expect((await json(`/api/v1/dataset/upload?dataset_name=${name}&usage=t`, { method: 'POST', body: none })).status).toBe(422);
      expect((await json('/api/v1/dataset/list')).body.data.some((d: any) => d.dataset_name === name)).toBe(false);
    } finally {
      await small.close();
    }
  });
});
