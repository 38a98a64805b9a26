// Paged lists on the real Postgres: a tenant with 10,000 datasets gets a bounded first page and `total`;
// walking the keyset cursor while rows are inserted concurrently sees every row that existed once, in id
// order; offset pages are slices of the same order; bare-array 6.3 pages through headers; small tenants get
// the seed's answer unchanged (everything, next_after null).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_DEFAULT_LIMIT } from '../../contracts/paging.js';
import { newTenant, userWith } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

const MANY = 10_000;

describe('pagination of list endpoints', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let token: string;
  let tenantId: string;
  const insertDatasets = async (n: number, valid: (i: number) => boolean) => {
    const prefix = uniq('p');
    const rows = Array.from({ length: n }, (_, i) => ({
      tenant_id: tenantId,
      dataset_name: `${prefix}_${i}`,
      usage: 't' as const,
      data_source: 'csv',
      template_id: null,
      template_version: null,
      iceberg_table_name: `${prefix}_${i}`,
      is_valid: valid(i),
      created_by: 'pager',
    }));
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 2000)
      ids.push(
        ...(
          await t.deps.db
            .insertInto('datasets')
            .values(rows.slice(i, i + 2000))
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
    return ids;
  };
  const list = async (query: string) => {
    const res = await t.call(`/api/v1/dataset/list${query}`, { token });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await newTenant(t.deps);
    token = (await userWith(t.deps, tenantId, 'all')).token;
  }, 60_000);
  afterAll(async () => {
    await t?.deps.db.deleteFrom('datasets').where('tenant_id', '=', tenantId).execute();
    await t?.close();
  });

  it('answers a small tenant exactly as the seed does, with the paging fields beside it', async () => {
    const ids = await insertDatasets(3, (i) => i !== 1);
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.data.map((d: any) => d.id)).toEqual(ids);
    expect(body).toMatchObject({ limit: PAGE_DEFAULT_LIMIT, offset: 0, next_after: null });
    const validated = await t.call('/api/v1/dataset/list_validated', { token });
    expect(validated.headers.get('x-total-count')).toBe('2');
    expect(validated.headers.get('x-next-after')).toBeNull();
    expect(((await validated.json()) as any[]).map((d) => d.id)).toEqual([ids[0], ids[2]]);
    // Other lists keep their seed shape too.
    const users = (await (await t.call('/api/v1/users/read-users/', { token })).json()) as any;
    expect(users.count).toBe(users.data.length);
    expect(users.next_after).toBeNull();
    const templates = (await (await t.call('/api/v1/template/list', { token })).json()) as any;
    expect(templates).toEqual({ total: 0, data: [], limit: PAGE_DEFAULT_LIMIT, offset: 0, next_after: null });
    const trainings = (await (await t.call('/api/v1/train/list', { token })).json()) as any;
    expect(trainings).toEqual({ total: 0, data: [], limit: PAGE_DEFAULT_LIMIT, offset: 0, next_after: null });
  });

  it('pages 10,000 datasets by cursor while more are inserted, missing and repeating none', async () => {
    const before = (await list('')).body.total as number;
    const ids = await insertDatasets(MANY, () => true);
    const first = await list('');
    expect(first.body.total).toBe(before + MANY);
    expect(first.body.data).toHaveLength(PAGE_DEFAULT_LIMIT);

    const seen: number[] = [];
    let after: number | null = null;
    let inserted: number[] = [];
    do {
      const page = await list(`?limit=700${after === null ? '' : `&after=${after}`}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(700);
      seen.push(...page.body.data.map((d: any) => d.id));
      // Rows land while the client pages: they may appear at the end, never shift what was already read.
      if (seen.length === 700) inserted = await insertDatasets(50, () => true);
      after = page.body.next_after;
    } while (after !== null);

    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const seenSet = new Set(seen);
    expect(ids.filter((id) => !seenSet.has(id))).toEqual([]);
    expect(seen.filter((id) => inserted.includes(id))).toEqual(inserted);
    expect(seen).toHaveLength(before + MANY + inserted.length);
  }, 120_000);

  it('serves offset pages as slices of the same order, and refuses a bad page', async () => {
    const all = (await list('?limit=60')).body.data.map((d: any) => d.id);
    const page = await list('?limit=7&offset=14');
    expect(page.body.data.map((d: any) => d.id)).toEqual(all.slice(14, 21));
    expect(page.body).toMatchObject({ limit: 7, offset: 14, next_after: all[20] });
    const fromCursor = await list(`?limit=5&after=${all[9]}&offset=2`);
    expect(fromCursor.body.data.map((d: any) => d.id)).toEqual(all.slice(12, 17));
    for (const bad of ['?limit=0', `?limit=${PAGE_DEFAULT_LIMIT + 1}`, '?offset=-1', '?after=x', '?limit=1.5']) {
      const res = await list(bad);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBeTypeOf('string');
    }
  });

  it('pages the validated list through headers', async () => {
    const res = await t.call('/api/v1/dataset/list_validated?limit=3', { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any[];
    expect(body).toHaveLength(3);
    expect(Number(res.headers.get('x-total-count'))).toBeGreaterThan(MANY);
    expect(res.headers.get('x-next-after')).toBe(String(body[2].id));
  });
});
