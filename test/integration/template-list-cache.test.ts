// template/list served from memory across API processes (issue 10): two apps with their own deps (own
// pools, own LISTEN connection) stand for two API processes. A warm list costs no query; a change made
// through one process, or by plain SQL, reaches the other's cached list through the triggers' NOTIFY on
// templates_changed; with the feed down nothing is cached.
import type { KyselyPlugin } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../api/auth/service.js';
import { IDENTITY_CHANNEL, TEMPLATES_CHANNEL } from '../../api/change-feed/channels.js';
import { TemplateListCache } from '../../api/services/template-list-cache.js';
import { changeFeedCaughtUp } from '../support/change-feed.js';
import { newTenant, userWith } from '../support/identity.js';
import { buildTestApp, uniq } from '../support/stack.js';

type Listed = { total: number; data: { id: number; template_name: string; tenant_id: string; no_of_columns: number; version: number }[] };

/** Counts the statements a Kysely instance sends (each one a Postgres round trip). */
function queryCounter() {
  const counter: KyselyPlugin & { queries: number } = {
    queries: 0,
    transformQuery(args) {
      counter.queries += 1;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return counter;
}

const PERMS = ['can_read_templates', 'can_manage_templates', 'can_delete_template'];
const COLUMNS = [
  { column_name: 'a', data_type: 'String' },
  { column_name: 'b', data_type: 'Integer' },
];

describe('template/list cache (change feed, templates_changed) across API processes', () => {
  let a: Awaited<ReturnType<typeof buildTestApp>>;
  let b: Awaited<ReturnType<typeof buildTestApp>>;
  const counter = queryCounter();
  let tenantId: string;
  let user: Awaited<ReturnType<typeof userWith>>;

  const list = async (app = b, token = user.token) => {
    const res = await app.call('/api/v1/template/list', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return (await res.json()) as Listed;
  };
  const create = async (app: typeof a, name: string, token = user.token) => {
    const res = await app.call('/api/v1/template/', { method: 'POST', token, json: { template_name: name, template_schema: COLUMNS } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const caughtUp = () => changeFeedCaughtUp(b.deps, TEMPLATES_CHANNEL);

  beforeAll(async () => {
    [a, b] = await Promise.all([buildTestApp(), buildTestApp()]);
    // Every statement b sends from here on is counted (auth included): the services that keep a database
    // handle are rebuilt around the counting one.
    b.deps.db = b.deps.db.withPlugin(counter);
    b.deps.templateLists = new TemplateListCache(b.deps.db, b.deps.changeFeed?.topic(TEMPLATES_CHANNEL));
    b.deps.auth = new AuthService(b.deps.db, b.deps.config, b.deps.changeFeed?.topic(IDENTITY_CHANNEL));
    tenantId = await newTenant(a.deps);
    user = await userWith(a.deps, tenantId, PERMS);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('both processes listen to templates_changed', () => {
    expect(a.deps.changeFeed?.live).toBe(true);
    expect(b.deps.changeFeed?.live).toBe(true);
  });

  it('a warm list is served without any query (authentication is cached too)', async () => {
    const id = await create(a, uniq('tpl'));
    await caughtUp();
    const first = await list(); // reads the list (and the principal), then keeps both
    expect(first.data.map((t) => t.id)).toEqual([id]);
    expect(first).toMatchObject({ total: 1, data: [{ tenant_id: tenantId, no_of_columns: 2, version: 1 }] });
    counter.queries = 0;
    for (let i = 0; i < 5; i++) expect(await list()).toEqual(first);
    expect(counter.queries).toBe(0);
  });

  it('a template created through one process is listed by the other', async () => {
    const before = await list();
    const name = uniq('tpl');
    const id = await create(a, name);
    await caughtUp();
    const after = await list();
    expect(after.total).toBe(before.total + 1);
    expect(after.data.find((t) => t.id === id)?.template_name).toBe(name);
  });

  it("this process's own writes are listed at once (no wait for its NOTIFY)", async () => {
    await list(); // cached
    const id = await create(b, uniq('own'));
    expect((await list()).data.some((t) => t.id === id)).toBe(true);
    const res = await b.call(`/api/v1/template/update/${id}`, {
      method: 'PUT',
      token: user.token,
      json: { template_name: `${uniq('own')} v2` },
    });
    expect(res.status).toBe(200);
    expect((await list()).data.find((t) => t.id === id)?.version).toBe(2);
    expect((await b.call(`/api/v1/template/${id}`, { method: 'DELETE', token: user.token })).status).toBe(200);
    expect((await list()).data.some((t) => t.id === id)).toBe(false);
  });

  it('changes made in plain SQL reach the cached list: rename, new schema version, delete', async () => {
    const id = await create(a, uniq('sql'));
    await caughtUp();
    expect((await list()).data.find((t) => t.id === id)?.no_of_columns).toBe(2);

    const renamed = uniq('renamed');
    await sql`update templates set template_name = ${renamed} where id = ${id}`.execute(a.deps.db);
    await caughtUp();
    expect((await list()).data.find((t) => t.id === id)?.template_name).toBe(renamed);

    // Only template_versions changes: the listed column count comes from it.
    await sql`update template_versions set template_schema = ${JSON.stringify([{ column_name: 'x', data_type: 'String' }])}::jsonb
      where template_id = ${id}`.execute(a.deps.db);
    await caughtUp();
    expect((await list()).data.find((t) => t.id === id)?.no_of_columns).toBe(1);

    await sql`delete from templates where id = ${id}`.execute(a.deps.db);
    await caughtUp();
    expect((await list()).data.some((t) => t.id === id)).toBe(false);
  });

  it("another tenant's change leaves this tenant's cached list as it is, and never leaks into it", async () => {
    const other = await newTenant(a.deps);
    const stranger = await userWith(a.deps, other, PERMS);
    const mine = await list(); // cached
    const theirs = await create(a, uniq('theirs'), stranger.token);
    await caughtUp();
    counter.queries = 0;
    expect(await list()).toEqual(mine);
    expect(counter.queries).toBe(0);
    const listed = await list(b, stranger.token);
    expect(listed.data.map((t) => t.id)).toEqual([theirs]);
    expect(mine.data.some((t) => t.id === theirs)).toBe(false);
  });

  // Last: it stops b's feed.
  it('with the feed down nothing is cached: every list reads, and sees a change at once', async () => {
    await list(); // cached while live
    await b.deps.changeFeed!.close();
    const id = await create(a, uniq('down'));
    // No wait for any notification: b no longer hears them, so it must read.
    expect((await list()).data.some((t) => t.id === id)).toBe(true);
    counter.queries = 0;
    await list();
    await list();
    expect(counter.queries).toBeGreaterThanOrEqual(2);
  });
});
