// `npm run bench -- quality`, forecast part: the platform's forecast `auto` against statsforecast AutoETS and
// AutoARIMA on the same series, cut at the same point, in the same run (bench/quality_forecast.py, run with the
// `bench` dependency group, which holds the real series' wheel). Two groups, each reported on its own: generated
// series (BENCH_FORECAST_DRAWS draws, default 2, of each of the 8 shapes) and real public series (R's classic
// monthly and quarterly ones, bench/real_series.py; BENCH_FORECAST_REAL=0 leaves them out). Reported per group:
// the geometric mean over series of platform MASE ÷ the better baseline's MASE, and the share of held-out points
// inside the platform's 95 % and 80 % intervals (AutoETS's own 95 % for reference).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BenchResult } from './types.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const UV = path.join(ROOT, '.tools/uv/bin/uv');
const DRAWS = Number(process.env.BENCH_FORECAST_DRAWS ?? 2);

interface Row {
  group: string;
  series: string;
  platform_algorithm: string;
  platform: number;
  ets: number;
  arima: number;
  platform_in_80: boolean[];
  platform_in_95: boolean[];
  ets_in_95: boolean[];
  arima_in_95: boolean[];
  platform_seconds: number;
  statsforecast_seconds: number;
}

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const share = (rows: Row[], k: 'platform_in_80' | 'platform_in_95' | 'ets_in_95' | 'arima_in_95') => {
  const all = rows.flatMap((r) => r[k]);
  return all.filter(Boolean).length / all.length;
};

export function benchForecastQuality(): BenchResult[] {
  const run = spawnSync(
    UV,
    ['run', '--frozen', '--group', 'bench', 'python', path.join(ROOT, 'bench/quality_forecast.py'), String(DRAWS)],
    {
      cwd: path.join(ROOT, 'ml'),
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (run.status !== 0) throw new Error(`quality_forecast.py failed (exit ${run.status})`);
  const all = JSON.parse(run.stdout.trim().split('\n').pop()!) as Row[];
  const groups = [...new Set(all.map((r) => r.group))];
  return groups.flatMap((group) =>
    groupResults(
      group,
      all.filter((r) => r.group === group),
    ),
  );
}

function groupResults(group: string, rows: Row[]): BenchResult[] {
  // A perfect forecast (MASE 0) cannot be divided by: floor every value at 1e-3.
  const f = (v: number) => Math.max(v, 1e-3);
  const ratios = rows.map((r) => f(r.platform) / f(Math.min(r.ets, r.arima)));
  const points = rows.reduce((n, r) => n + r.platform_in_95.length, 0);
  const cov95 = share(rows, 'platform_in_95');
  return [
    {
      name: `quality: forecast MASE, ${group} series (${rows.length}), auto ÷ best of (AutoETS, AutoARIMA) (geo. mean)`,
      value: Number(geomean(rows.map((r) => f(r.platform))).toFixed(4)),
      unit: '',
      baseline: Number(geomean(rows.map((r) => f(Math.min(r.ets, r.arima)))).toFixed(4)),
      ratio: geomean(ratios),
      target: '<= 1.00',
      note:
        `÷ AutoETS alone ${geomean(rows.map((r) => f(r.platform) / f(r.ets))).toFixed(3)}, ÷ AutoARIMA alone ` +
        `${geomean(rows.map((r) => f(r.platform) / f(r.arima))).toFixed(3)}; ` +
        rows
          .map(
            (r, i) =>
              `${r.series} ${r.platform.toFixed(3)} (${r.platform_algorithm}) vs ets ${r.ets.toFixed(3)}, arima ${r.arima.toFixed(3)} → ${ratios[i]!.toFixed(3)}`,
          )
          .join('; '),
    },
    {
      name: `quality: forecast 95 % interval coverage, ${group} series (${points} held-out points)`,
      value: Number(cov95.toFixed(4)),
      unit: '',
      baseline: 0.95,
      ratio: cov95,
      target: '>= 0.85',
      note:
        `80 % interval: ${share(rows, 'platform_in_80').toFixed(3)}; AutoETS's own 95 %: ${share(rows, 'ets_in_95').toFixed(3)}, ` +
        `AutoARIMA's own 95 %: ${share(rows, 'arima_in_95').toFixed(3)}; target 0.85-0.99 (${cov95 <= 0.99 ? 'under' : 'OVER'} 0.99); ` +
        `training seconds: platform ${rows.reduce((n, r) => n + r.platform_seconds, 0).toFixed(0)}, statsforecast ` +
        `${rows.reduce((n, r) => n + r.statsforecast_seconds, 0).toFixed(0)}`,
    },
  ];
}
