// Generated training data shared by the training tests: deterministic, so every run sees the same rows.

/** Deterministic PRNG (mulberry32) and a normal sample, so the data is the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u());
  return { u, normal };
}

export const TEMPLATE = [
  { column_name: 'cid', data_type: 'String' },
  { column_name: 'age', data_type: 'Float', nullable: true },
  { column_name: 'tenure', data_type: 'Integer' },
  { column_name: 'plan', data_type: 'String', default_value: 'basic' },
  { column_name: 'active', data_type: 'Boolean' },
  { column_name: 'churn', data_type: 'Boolean' },
  { column_name: 'segment', data_type: 'String' },
  { column_name: 'spend', data_type: 'Float' },
  { column_name: 'const_flag', data_type: 'String' },
];

export function customersCsv(n: number, seed = 11): string {
  const r = rng(seed);
  const plans = ['basic', 'plus', 'pro'];
  const lines = ['cid,age,tenure,plan,active,churn,segment,spend,const_flag'];
  for (let i = 0; i < n; i++) {
    const age = 40 + 10 * r.normal();
    const tenure = Math.floor(r.u() * 48);
    const plan = plans[Math.floor(r.u() * 3)]!;
    const active = r.u() < 0.5;
    const z = (age - 40) / 8 + (tenure - 24) / 12 + (plan === 'pro' ? 1.2 : plan === 'plus' ? 0.3 : -0.9) + (active ? 0.4 : -0.4);
    const churn = z + 0.4 * r.normal() > 0.2;
    const s = z + 0.3 * r.normal();
    const segment = s < -0.7 ? 'low' : s < 0.9 ? 'mid' : 'high';
    const spend = 50 + 10 * z + 2 * r.normal();
    lines.push(
      [`c${i}`, i % 23 === 0 ? '' : age.toFixed(2), tenure, i % 29 === 0 ? '' : plan, active, churn, segment, spend.toFixed(3), 'x'].join(
        ',',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const roles = (target: string, ignore: string[], extra: Array<{ column_name: string; attribute_name: string }> = []) => [
  { column_name: 'cid', data_type: 'String', attribute_name: 'Id' },
  { column_name: target, data_type: TEMPLATE.find((c) => c.column_name === target)!.data_type, attribute_name: 'Target' },
  ...ignore.map((c) => ({ column_name: c, data_type: TEMPLATE.find((t) => t.column_name === c)!.data_type, attribute_name: 'Ignore' })),
  ...extra.map((e) => ({ ...e, data_type: TEMPLATE.find((t) => t.column_name === e.column_name)!.data_type })),
];

/** A binary target with a smooth linear part (what a linear model fits and a few trees only approximate) and an
 * interaction of a category with a threshold (what trees fit and a linear model cannot): a blend of both families
 * beats either, so `auto` keeps an ensemble on it. Columns: x, w (Float), kind (String), y (Boolean). */
export function blendCsv(n: number, seed = 3): string {
  const r = rng(seed);
  const kinds = ['a', 'b', 'c'];
  const lines = ['x,w,kind,y'];
  for (let i = 0; i < n; i++) {
    const x = r.normal();
    const w = r.normal();
    const kind = kinds[Math.floor(r.u() * 3)]!;
    const u = Math.min(Math.max(r.u(), 1e-9), 1 - 1e-9);
    const score = 1.5 * x - 1.2 * w + (kind === 'a' ? (w > 0 ? 2.5 : -2.5) : 0) + Math.log(u / (1 - u));
    lines.push([x.toFixed(4), w.toFixed(4), kind, score > 0].join(','));
  }
  return `${lines.join('\n')}\n`;
}
