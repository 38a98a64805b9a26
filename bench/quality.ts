// `npm run bench -- quality`: model quality of tabular `auto` against default LightGBM, FLAML and H2O-3 AutoML at
// the same wall-clock budget, on the same rows and held-out split, in the same run (bench/quality_bench.py, run
// with the `bench` dependency group, which holds h2o). Reported as geometric means over the datasets of
// platform ÷ best baseline (log loss, error rate, RMSE), with and without H2O among the baselines, and the
// platform's training wall time ÷ the budget. BENCH_QUALITY_BUDGET (seconds, default 30) sets the budget.
// Headline: each arm's scores averaged over the dataset's hold-out splits (several for a small dataset, the same
// for every arm), an error rate floored at half an error of the hold-out (1/(2n)) so that a baseline at 0 errors
// does not turn one error into a ratio of 1/0.001. The old way (the first split alone, every value floored at 1e-3)
// is reported beside it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { benchForecastQuality } from './quality-forecast.js';
import type { BenchContext, BenchResult } from './types.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const UV = path.join(ROOT, '.tools/uv/bin/uv');
const BUDGET = Number(process.env.BENCH_QUALITY_BUDGET ?? 30);

type Scores = Record<string, number>;
interface Split {
  platform: Scores;
  lightgbm: Scores;
  flaml: Scores;
  h2o: Scores | null;
}
interface Row extends Split {
  dataset: string;
  holdout_rows: number;
  splits: Split[];
  problem: string;
  platform_algorithm: string;
  /** h2o null: H2O AutoML finished no model within the budget (or BENCH_QUALITY_H2O=0). */
  h2o_leader: string | null;
  platform_calibration: string | null;
  platform_seconds: number;
  platform_phases: Record<string, number>;
  flaml_seconds: number;
  h2o_seconds: number;
}

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

export async function benchQuality(_ctx: BenchContext): Promise<BenchResult[]> {
  const run = spawnSync(UV, ['run', '--frozen', '--group', 'bench', 'python', path.join(ROOT, 'bench/quality_bench.py'), String(BUDGET)], {
    cwd: path.join(ROOT, 'ml'),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`quality_bench.py failed (exit ${run.status})`);
  const rows = JSON.parse(run.stdout.trim().split('\n').pop()!) as Row[];
  const results: BenchResult[] = [];
  const withH2o = process.env.BENCH_QUALITY_H2O !== '0';
  for (const metric of ['log_loss', 'error_rate', 'rmse']) {
    const rel = rows.filter((r) => metric in r.platform);
    if (!rel.length) continue;
    for (const way of ['averaged', 'first split'] as const) {
      // The old way: the first split's scores, every value floored at 1e-3 (a zero cannot be divided by). The
      // headline: the averaged scores, an error rate floored at half an error of the hold-out.
      const scoresOf = (r: Row): Split => (way === 'averaged' ? r : r.splits[0]!);
      const floor = (r: Row) => (way === 'averaged' && metric === 'error_rate' ? 1 / (2 * r.holdout_rows) : 1e-3);
      const label = way === 'averaged' ? '' : ', first split only, floor 1e-3';
      for (const arms of [['lightgbm', 'flaml'], ...(withH2o ? [['lightgbm', 'flaml', 'h2o']] : [])] as const) {
        const f = (r: Row, v: number) => Math.max(v, floor(r));
        const best = (r: Row) => Math.min(...arms.map((a) => scoresOf(r)[a as keyof Split]?.[metric] ?? Number.POSITIVE_INFINITY));
        const mine = (r: Row) => scoresOf(r).platform[metric]!;
        const ratios = rel.map((r) => f(r, mine(r)) / f(r, best(r)));
        results.push({
          name: `quality: ${metric}, auto ÷ best of (${arms.join(', ')}) (geo. mean${label})`,
          value: Number(geomean(rel.map((r) => f(r, mine(r)))).toFixed(4)),
          unit: '',
          baseline: Number(geomean(rel.map((r) => f(r, best(r)))).toFixed(4)),
          ratio: geomean(ratios),
          target: '<= 1.00',
          note: rel
            .map(
              (r, i) =>
                `${r.dataset}${way === 'averaged' && r.splits.length > 1 ? ` (${r.splits.length} splits)` : ''} ${mine(r).toFixed(4)} (${r.platform_algorithm}${r.platform_calibration ? `+${r.platform_calibration}` : ''}) vs ${arms.map((a) => `${a} ${scoresOf(r)[a as keyof Split]?.[metric]?.toFixed(4) ?? 'no model'}`).join(', ')} → ${ratios[i]!.toFixed(3)}`,
            )
            .join('; '),
        });
      }
    }
  }
  const worst = Math.max(...rows.map((r) => r.platform_seconds));
  results.push({
    name: 'quality: auto training wall time ÷ budget (worst dataset)',
    value: worst,
    unit: 's',
    baseline: BUDGET,
    ratio: worst / BUDGET,
    target: '<= 1.5',
    note: rows
      .map(
        (r) =>
          `${r.dataset} ${r.platform_seconds}s [${Object.entries(r.platform_phases)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}] (FLAML ${r.flaml_seconds}s, H2O ${r.h2o_seconds}s)`,
      )
      .join('; '),
  });
  results.push(...benchForecastQuality());
  return results;
}
