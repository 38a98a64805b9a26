// The route table, read from the application itself, so that every route added later is covered:
//  - a route without a permission must be one of the public or self-service routes listed here;
//  - every protected route answers 401 without a token, and 403 naming its permission to a user lacking it;
//  - every route taking a resource id (path, or a query parameter `id` / `*_id`) answers 404 to a user of
//    ANOTHER tenant holding every permission.
// To test a foreign id that really exists in tenant A, add a creator to `foreignIds` below; otherwise an id
// that does not exist in the caller's tenant is used (it must answer 404 too).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, BUILTIN_ROLES } from '../../contracts/permissions.js';
import { insertWebhook } from '../../db/repositories/webhooks.js';
import { adminSession, newTenant, userWith } from '../support/identity.js';
import { buildTestApp } from '../support/stack.js';

/** No token needed: login family, liveness/readiness, and the job callbacks (authenticated by their own means). */
const PUBLIC = new Set([
  'POST /api/v1/login/access-token',
  'POST /api/v1/refresh',
  'POST /api/v1/logout',
  'GET /api/v1/utils/health-check/',
  'GET /api/v1/utils/readiness/',
  'POST /api/v1/train/result',
  'POST /api/v1/train/shap-result',
]);
/** A token but no particular permission: what any signed-in user may do about their own account. */
const SELF_SERVICE = new Set([
  'POST /api/v1/login/test-token',
  'GET /api/v1/validate-token',
  'POST /api/v1/reset-password',
  'GET /api/v1/me',
]);
/**
 * Routes that start a workflow, a Ray job or model computation (audit of every startJob and model call under
 * api/routes): none may be gated by a read permission, so that a read-only role cannot spend the cluster.
 */
const STARTS_COMPUTE = [
  'POST /api/v1/dataset/upload', // upload-validate workflow
  'POST /api/v1/files/add', // upload-validate workflow
  'POST /api/v1/files/upload_sessions', // upload-session expiry workflow
  'POST /api/v1/files/upload_sessions/{session_id}/complete', // upload-validate workflow
  'DELETE /api/v1/dataset/delete/{dataset_id}', // lake-cleanup workflow
  'DELETE /api/v1/files/delete/{file_id}', // lake-cleanup workflow
  'POST /api/v1/dataset/generate_statistics', // statistics workflow
  'GET /api/v1/datalake/numeric_stats', // column-stats workflow
  'GET /api/v1/datalake/distinct-count', // column-stats workflow
  'POST /api/v1/train/', // train workflow
  'GET /api/v1/train/generate-feature-importance', // SHAP workflow
  'POST /api/v1/inference/', // model inference in the API
  'POST /api/v1/inference/batchPrediction', // batch-predict workflow
  'POST /api/v1/inference/forecast', // forecast model in the API
  'POST /api/v1/ray/terminate_ray_job', // cancels a workflow and its Ray job
  'POST /api/v1/jobs/{workflow_id}/cancel', // cancels a workflow and its Ray job
  'POST /api/v1/retrain-schedules', // a Temporal Schedule starting trainings
  'POST /api/v1/retrain-schedules/{schedule_name}/trigger', // a training now
  'POST /api/v1/retrain-schedules/{schedule_name}/resume', // trainings again
  'POST /api/v1/drift-runs', // drift workflow (a Ray job)
  'POST /api/v1/drift-schedules', // a Temporal Schedule starting drift runs
  'POST /api/v1/drift-schedules/{schedule_name}/trigger', // a drift run now
  'POST /api/v1/drift-schedules/{schedule_name}/resume', // drift runs again
  'POST /api/v1/webhooks/{webhook_id}/test', // a webhook delivery workflow
];
const isReadPermission = (p: string) => p.startsWith('can_read_');

/** Routes outside the OpenAPI document (/metrics: Prometheus text, its own optional token, see docs/operations.md). */
const UNDOCUMENTED = new Set(['GET /openapi.json', 'GET /docs', 'GET /docs/assets/:file', 'GET /metrics']);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const MISSING_INT = 987_654_321;

type Schema = Record<string, any>;
interface Operation {
  key: string;
  method: string;
  path: string;
  op: Schema;
}

describe('route table: authentication, permissions, tenant isolation', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let doc: Schema;
  let ops: Operation[];
  let tenantA: string;
  let userA: Awaited<ReturnType<typeof userWith>>;
  /** Ids of real resources of tenant A, by parameter name. */
  const foreignIds: Record<string, number | string> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    await adminSession(t.deps);
    doc = t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'route table', version: '1' } });
    ops = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = (item as Schema)[method];
        if (op) ops.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op });
      }
    }
    tenantA = await newTenant(t.deps);
    userA = await userWith(t.deps, tenantA, 'all');
    foreignIds.user_id = userA.user.id;
    foreignIds.role_id = userA.roleId;
    foreignIds.webhook_id = (
      await insertWebhook(t.deps.db, {
        tenantId: tenantA,
        url: 'https://hooks.example.com/a',
        events: ['training.completed'],
        enabled: true,
        secret: 'whsec_test',
        description: null,
        createdBy: 'route-table',
      })
    ).id;
  });
  afterAll(() => t?.close());

  // ---- request synthesis from the OpenAPI document ----

  const resolve = (s: Schema | undefined): Schema | undefined => {
    if (!s?.$ref) return s;
    const name = String(s.$ref).replace('#/components/schemas/', '');
    return resolve(doc.components?.schemas?.[name]);
  };

  const sample = (raw: Schema | undefined, depth = 0): unknown => {
    const s = resolve(raw);
    if (!s || depth > 10) return undefined;
    if (s.example !== undefined) return s.example;
    if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
    if (s.default !== undefined) return s.default;
    if (s.const !== undefined) return s.const;
    if (Array.isArray(s.enum)) return s.enum[0];
    const variants = s.anyOf ?? s.oneOf;
    if (Array.isArray(variants)) return sample(variants.find((v: Schema) => resolve(v)?.type !== 'null') ?? variants[0], depth + 1);
    if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map((p: Schema) => sample(p, depth + 1)));
    const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== 'null') : s.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const name of s.required ?? []) out[name] = sample(s.properties?.[name], depth + 1);
        return out;
      }
      case 'array':
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, depth + 1));
      case 'string':
        if (s.format === 'binary') return new File(['a,b\n1,2\n'], 'sample.csv', { type: 'text/csv' });
        if (s.format === 'uuid') return randomUUID();
        if (s.format === 'email') return 'someone@example.com';
        if (s.format === 'date-time') return new Date().toISOString();
        if (s.format === 'date') return '2025-01-01';
        return 'x'.repeat(Math.max(1, s.minLength ?? 1));
      case 'integer':
      case 'number':
        return Math.max(1, s.minimum ?? 1);
      case 'boolean':
        return true;
      default:
        return undefined;
    }
  };

  const isIdName = (name: string) => name === 'id' || name.endsWith('_id');
  const idParams = (o: Operation) =>
    ((o.op.parameters ?? []) as Schema[]).filter((p) => p.in === 'path' || (p.in === 'query' && isIdName(p.name)));

  /** A request for `o` whose every id names a resource the caller cannot see. */
  const foreignRequest = (o: Operation) => {
    const valueFor = (p: Schema) => {
      if (p.name in foreignIds) return foreignIds[p.name];
      return resolve(p.schema)?.type === 'string' ? `missing-${randomUUID()}` : MISSING_INT;
    };
    let path = o.path;
    const query = new URLSearchParams();
    for (const p of (o.op.parameters ?? []) as Schema[]) {
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(valueFor(p))));
      else if (p.in === 'query' && isIdName(p.name)) query.set(p.name, String(valueFor(p)));
      else if (p.in === 'query' && p.required) query.set(p.name, String(sample(p.schema)));
    }
    const init: RequestInit & { json?: unknown } = { method: o.method };
    const content = o.op.requestBody?.content ?? {};
    if (content['application/json']) init.json = sample(content['application/json'].schema);
    else if (content['multipart/form-data']) {
      const form = new FormData();
      for (const [k, v] of Object.entries((sample(content['multipart/form-data'].schema) ?? {}) as Record<string, unknown>)) {
        form.append(k, v instanceof File ? v : String(v));
      }
      init.body = form;
    } else if (content['application/x-www-form-urlencoded']) {
      init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
      init.body = new URLSearchParams(sample(content['application/x-www-form-urlencoded'].schema) as Record<string, string>).toString();
    }
    const qs = query.toString();
    return { url: qs ? `${path}?${qs}` : path, init };
  };

  /** Any concrete URL for the route (ids do not matter before authorization). */
  const anyUrl = (o: Operation) => o.path.replace(/\{[^}]+\}/g, '1');

  // ---- the checks ----

  it('reads the routes from the app, and the app registers no route missing from the document', () => {
    expect(ops.length).toBeGreaterThanOrEqual(18);
    const documented = new Set(ops.map((o) => `${o.method} ${o.path.replace(/\{([^}]+)\}/g, ':$1')}`));
    const registered = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const hidden = [...registered].filter((k) => !documented.has(k) && !UNDOCUMENTED.has(k));
    expect(hidden, 'routes registered outside the OpenAPI document (unprotected?)').toEqual([]);
  });

  it('only the public and self-service routes go without a permission', () => {
    const unprotected = ops.filter((o) => !o.op['x-permission']).map((o) => o.key);
    const unexpected = unprotected.filter((k) => !PUBLIC.has(k) && !SELF_SERVICE.has(k));
    expect(unexpected, 'routes without x-permission (declare them with protectedRoute)').toEqual([]);
    for (const o of ops) {
      const secured = JSON.stringify(o.op.security ?? []).includes('bearerAuth');
      if (PUBLIC.has(o.key)) expect(secured, o.key).toBe(false);
      else expect(secured, `${o.key} must declare bearerAuth`).toBe(true);
      if (o.op['x-permission']) expect(ALL_PERMISSIONS, o.key).toContain(o.op['x-permission']);
    }
  });

  it('every protected route answers 401 without a token or with a garbage one', async () => {
    const failures: string[] = [];
    for (const o of ops.filter((x) => !PUBLIC.has(x.key))) {
      for (const token of [undefined, 'garbage.token.value']) {
        const res = await t.call(anyUrl(o), { method: o.method, token });
        if (res.status !== 401) failures.push(`${o.key} (${token ? 'bad token' : 'no token'}): ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('every route with a permission answers 403 naming it to a user lacking only that permission', async () => {
    const lacking = new Map<string, string>();
    const failures: string[] = [];
    for (const o of ops.filter((x) => x.op['x-permission'])) {
      const permission = o.op['x-permission'] as string;
      if (!lacking.has(permission)) {
        const u = await userWith(
          t.deps,
          tenantA,
          ALL_PERMISSIONS.filter((p) => p !== permission),
        );
        lacking.set(permission, u.token);
      }
      const res = await t.call(anyUrl(o), { method: o.method, token: lacking.get(permission) });
      const body = await res.text();
      if (res.status !== 403 || !body.includes(permission)) failures.push(`${o.key} [${permission}]: ${res.status} ${body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it('no route that starts compute is open to a read-only role (the built-in viewer, or every can_read_* permission): 403', async () => {
    const keys = new Set(ops.map((o) => o.key));
    expect(
      STARTS_COMPUTE.filter((k) => !keys.has(k)),
      'compute routes missing from the document (renamed?)',
    ).toEqual([]);
    const readOnly = [
      await userWith(t.deps, tenantA, BUILTIN_ROLES.viewer),
      await userWith(t.deps, tenantA, ALL_PERMISSIONS.filter(isReadPermission)),
    ];
    const failures: string[] = [];
    for (const o of ops.filter((x) => STARTS_COMPUTE.includes(x.key))) {
      const permission = o.op['x-permission'] as string | undefined;
      if (!permission || isReadPermission(permission)) failures.push(`${o.key} is gated by ${permission ?? 'nothing'}`);
      for (const u of readOnly) {
        const res = await t.call(anyUrl(o), { method: o.method, token: u.token });
        if (res.status !== 403) failures.push(`${o.key} as a read-only user: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("every route taking a resource id answers 404 to another tenant's user holding every permission", async () => {
    const outsider = await userWith(t.deps, await newTenant(t.deps), 'all');
    const withIds = ops.filter((o) => !PUBLIC.has(o.key) && idParams(o).length > 0);
    expect(withIds.map((o) => o.key)).toEqual(
      expect.arrayContaining(['GET /api/v1/users/{user_id}', 'POST /api/v1/rbac/roles/{role_id}/permissions']),
    );
    const failures: string[] = [];
    for (const o of withIds) {
      const { url, init } = foreignRequest(o);
      const res = await t.call(url, { ...init, token: outsider.token });
      if (res.status !== 404) failures.push(`${o.key} -> ${init.method} ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    // ...while tenant A's own user sees its resources.
    expect((await t.call(`/api/v1/users/${userA.user.id}`, { token: userA.token })).status).toBe(200);
  });
});
