// Seed contract (issue 10): a prediction dataset (usage p) may leave out the target column while using the
// training template. Real upload, real validation Ray job, real Iceberg table. The model is a training row of
// that template (written directly: which columns are Targets is all the upload needs to know).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { hasStack, uniq } from '../support/stack.js';
import { insertTraining } from '../support/training-rows.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';

describe.skipIf(!hasStack)('prediction datasets may omit the target column', () => {
  let suite: JobSuite;
  let t: JobSuite['t'];
  let token: string;
  let tenantId: string;
  let templateId: number;

  const json = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await t.call(p, { ...init, token });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
  };
  /** The CSV without the `churn` column. */
  const withoutChurn = (csv: string) =>
    `${csv
      .trimEnd()
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 5)
          .join(','),
      )
      .join('\n')}\n`;
  async function upload(usage: 't' | 'p', csv: string) {
    const form = new FormData();
    form.append('files', new Blob([csv], { type: 'text/csv' }), 'rows.csv');
    const up = await json(`/api/v1/dataset/upload?dataset_name=${uniq(`pred_${usage}`)}&usage=${usage}&template_id=${templateId}`, {
      method: 'POST',
      body: form,
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    return up.body.dataset_id as number;
  }
  async function validated(datasetId: number) {
    const until = Date.now() + 180_000;
    for (;;) {
      const d = ((await json('/api/v1/dataset/list')).body.data as any[]).find((x) => x.id === datasetId);
      if (d?.is_valid === true || d?.is_valid === false) return d;
      if (Date.now() > until) throw new Error(`dataset ${datasetId} was not validated: ${JSON.stringify(d)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const files = async (datasetId: number) => (await json(`/api/v1/files/list?dataset_id=${datasetId}`)).body;

  beforeAll(async () => {
    suite = await startJobSuite();
    ({ t, token, tenantId } = suite);
    const tpl = await json('/api/v1/template/', { method: 'POST', json: { template_name: uniq('customers'), template_schema: TEMPLATE } });
    expect(tpl.status).toBe(201);
    templateId = tpl.body.id;
    // A model of this template whose Target is `churn` (a non-nullable column without default).
    const ds = await t.deps.db
      .insertInto('datasets')
      .values({
        tenant_id: tenantId,
        dataset_name: uniq('train_src'),
        usage: 't',
        data_source: 'csv',
        iceberg_table_name: uniq('none'),
        is_valid: true,
        created_by: 'test',
        template_id: templateId,
        template_version: tpl.body.version ?? 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertTraining(t.deps.db, tenantId, 'churn', {
      dataset_id: ds.id,
      template_id: templateId,
      template_version: 1,
      columns: JSON.stringify(roles('churn', ['segment'])),
      callback_secret_sha256: 'x',
      workflow_id: uniq('train-none'),
    });
  }, 300_000);
  afterAll(() => suite?.close());

  it('usage p without the Target column validates every row (target left empty); usage t without it does not', {
    timeout: 300_000,
  }, async () => {
    const csv = withoutChurn(customersCsv(60));
    expect(csv.split('\n')[0]).toBe('cid,age,tenure,plan,active,segment,spend,const_flag');
    const [forPrediction, forTraining] = await Promise.all([upload('p', csv), upload('t', csv)]);
    const [p, tr] = await Promise.all([validated(forPrediction), validated(forTraining)]);

    expect(p.is_valid, JSON.stringify(await files(forPrediction))).toBe(true);
    const [pFile] = (await files(forPrediction)).data;
    expect(pFile.error_report?.valid_rows, JSON.stringify(pFile)).toBe(60);
    expect(pFile.status).toBe('valid');
    expect(JSON.stringify(pFile)).not.toContain('missing_column');

    // The training dataset needs its target: the same file is refused there.
    expect(tr.is_valid).toBe(false);
    expect(JSON.stringify(await files(forTraining))).toContain('missing_column');
  });
});
