// Authenticated GET /api/v1/template/list req/s with 20 templates of 1,000 columns each, as a ratio to the
// health check measured in the same run: the list must not read the wide schemas it does not return
// (issue 10: ~22 req/s when it did), and a warm list is served from memory (template-list-cache.ts).
// Target >= 0.3.
import { load } from './http-load.js';
import type { BenchContext, BenchResult } from './types.js';

const TEMPLATES = 20;
const COLUMNS = 1000;

export async function benchTemplateList(ctx: BenchContext): Promise<BenchResult[]> {
  const token = await ctx.adminToken();
  const auth = { authorization: `Bearer ${token}` };
  const list = `${ctx.baseUrl}/api/v1/template/list`;
  const health = `${ctx.baseUrl}/api/v1/utils/health-check/`;
  const schema = Array.from({ length: COLUMNS }, (_, i) => ({
    column_name: `column_${i}`,
    data_type: (['Integer', 'Float', 'String', 'Boolean'] as const)[i % 4],
    nullable: i % 3 === 0,
  }));
  const run = Date.now().toString(36);
  for (let i = 0; i < TEMPLATES; i++) {
    const res = await fetch(`${ctx.baseUrl}/api/v1/template/`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ template_name: `bench-wide-${run}-${i}`, template_schema: schema }),
    });
    if (res.status !== 201) throw new Error(`creating a wide template answered HTTP ${res.status}: ${await res.text()}`);
  }
  const probe = (await (await fetch(list, { headers: auth })).json()) as { total: number; data: Array<{ no_of_columns: number }> };
  const wide = probe.data.filter((t) => t.no_of_columns === COLUMNS).length;
  if (wide < TEMPLATES) throw new Error(`template/list shows ${wide} templates of ${COLUMNS} columns, expected ${TEMPLATES}`);

  await load(health, { seconds: 2 });
  await load(list, { seconds: 2, headers: auth });
  // Alternate halves so that drift of a shared machine hits both sides alike.
  const half = Math.max(1, Math.round(ctx.seconds / 2));
  const h1 = await load(health, { seconds: half });
  const l1 = await load(list, { seconds: half, headers: auth });
  const l2 = await load(list, { seconds: half, headers: auth });
  const h2 = await load(health, { seconds: half });
  const healthRps = (h1.rps + h2.rps) / 2;
  const listRps = (l1.rps + l2.rps) / 2;
  return [
    {
      name: `template/list (${probe.total} templates, ${TEMPLATES} x ${COLUMNS} columns) vs health`,
      value: Math.round(listRps),
      unit: 'req/s',
      baseline: Math.round(healthRps),
      ratio: listRps / healthRps,
      target: '>= 0.3',
      note: `template/list p50 ${l1.p50}/${l2.p50} ms, p99 ${l1.p99}/${l2.p99} ms; errors ${l1.errors + l2.errors + l1.non2xx + l2.non2xx}`,
    },
  ];
}
