// The charts of the console, each taking the API's shapes defensively: a field that is missing or malformed
// renders "not available for this model" rather than throwing (some fields arrive with issue #11).
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { axis, COLORS, UPlot } from './uplot.js';

export function NotAvailable({ what }: { what: string }) {
  return <p class="empty">{what}: not available for this model.</p>;
}

export function ChartCard({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <figure class="card chart-card">
      <figcaption>{title}</figcaption>
      {children}
    </figure>
  );
}

const nums = (v: unknown): number[] | undefined =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (v as number[]) : undefined;

/** x/y pairs from `{x: [], y: []}`-like objects (named keys) or arrays of `{[xKey], [yKey]}` points. */
export function pairs(v: unknown, xKey: string, yKey: string): { x: number[]; y: number[] } | undefined {
  const found = pairsAsGiven(v, xKey, yKey);
  if (!found) return undefined;
  // uPlot draws x in ascending order only (a PR curve comes with recall descending, residuals unordered).
  const order = found.x.map((_, i) => i).sort((a, b) => found.x[a]! - found.x[b]!);
  return { x: order.map((i) => found.x[i]!), y: order.map((i) => found.y[i]!) };
}

function pairsAsGiven(v: unknown, xKey: string, yKey: string): { x: number[]; y: number[] } | undefined {
  if (Array.isArray(v)) {
    const pts = v.filter((p) => p && typeof p === 'object' && typeof p[xKey] === 'number' && typeof p[yKey] === 'number');
    if (pts.length < 2) return undefined;
    return { x: pts.map((p) => p[xKey]), y: pts.map((p) => p[yKey]) };
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const x = nums(o[xKey]);
    const y = nums(o[yKey]);
    if (x && y && x.length === y.length && x.length >= 2) return { x, y };
  }
  return undefined;
}

/** uPlot needs ascending x: sort the pairs by x. */
function sorted(p: { x: number[]; y: number[] }): [number[], number[]] {
  const idx = p.x.map((_, i) => i).sort((a, b) => p.x[a]! - p.x[b]!);
  return [idx.map((i) => p.x[i]!), idx.map((i) => p.y[i]!)];
}

/** A curve in the unit square (ROC with its chance diagonal, PR). */
export function CurveChart(props: {
  title: string;
  curve?: { x: number[]; y: number[] };
  xLabel: string;
  yLabel: string;
  diagonal?: boolean;
  note?: string;
}) {
  const built = useMemo(() => {
    if (!props.curve) return undefined;
    const [x, y] = sorted(props.curve);
    const series: uPlot.Series[] = [{ label: props.xLabel }, { label: props.yLabel, stroke: COLORS[0], width: 2 }];
    const data: (number | null)[][] = [x, y];
    if (props.diagonal) {
      series.push({ label: 'chance', stroke: '#9ca3af', dash: [4, 4] });
      data.push(x);
    }
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] } },
      axes: [axis(props.xLabel), axis(props.yLabel)],
      series,
    };
    return { opts, data: data as uPlot.AlignedData };
  }, [props.curve, props.diagonal, props.xLabel, props.yLabel]);
  return (
    <ChartCard title={props.title}>
      {built ? <UPlot opts={built.opts} data={built.data} label={props.title} /> : <NotAvailable what={props.title} />}
      {built && props.note && <p class="muted">{props.note}</p>}
    </ChartCard>
  );
}

/** Points only: residuals (actual − predicted) against the prediction. */
export function ScatterChart(props: { title: string; points?: { x: number[]; y: number[] }; xLabel: string; yLabel: string }) {
  const built = useMemo(() => {
    if (!props.points) return undefined;
    const [x, y] = sorted(props.points);
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: false } },
      axes: [axis(props.xLabel), axis(props.yLabel)],
      series: [
        { label: props.xLabel },
        { label: props.yLabel, stroke: COLORS[0], paths: () => null, points: { show: true, size: 5, fill: COLORS[0] } },
      ],
    };
    return { opts, data: [x, y] as uPlot.AlignedData };
  }, [props.points, props.xLabel, props.yLabel]);
  return (
    <ChartCard title={props.title}>
      {built ? <UPlot opts={built.opts} data={built.data} label={props.title} /> : <NotAvailable what={props.title} />}
    </ChartCard>
  );
}

/** Vertical bars over categories (a histogram's bins or a column's most frequent values). */
export function BarChart(props: { title: string; labels: string[]; values: number[]; xLabel: string; yLabel: string }) {
  const built = useMemo(() => {
    if (!props.labels.length) return undefined;
    const x = props.labels.map((_, i) => i);
    const bars = uPlot.paths.bars!({ size: [0.8, 60] });
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: {
        x: { time: false, range: [-0.5, props.labels.length - 0.5] },
        y: { range: (_u, min, max) => [Math.min(0, min * 1.1), max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        axis(props.xLabel, { values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (props.labels[s] ?? '') : '')), incrs: [1] }),
        axis(props.yLabel),
      ],
      series: [
        { label: props.xLabel, value: (_u, v) => props.labels[v] ?? '' },
        { label: props.yLabel, fill: `${COLORS[0]}99`, stroke: COLORS[0], paths: bars, points: { show: false } },
      ],
      legend: { show: false },
    };
    return { opts, data: [x, props.values] as uPlot.AlignedData };
  }, [props.labels, props.values, props.xLabel, props.yLabel]);
  return (
    <ChartCard title={props.title}>
      {built ? <UPlot opts={built.opts} data={built.data} label={props.title} /> : <NotAvailable what={props.title} />}
    </ChartCard>
  );
}

/** Horizontal bars with their labels (feature importance): readable for long feature names, no canvas needed. */
export function HBars(props: { title: string; entries?: [string, number][]; unit: string }) {
  const entries = props.entries?.filter(([, v]) => Number.isFinite(v));
  const max = Math.max(...(entries ?? []).map(([, v]) => Math.abs(v)), 0);
  return (
    <ChartCard title={props.title}>
      {!entries?.length ? (
        <NotAvailable what={props.title} />
      ) : (
        <div class="hbars">
          <ul aria-label={props.title}>
            {entries.map(([name, v]) => (
              <li class="hbar" key={name}>
                <span class="hbar-label" title={name}>
                  {name}
                </span>
                <span class="hbar-track">
                  <span class="hbar-fill" style={{ width: `${max ? (Math.abs(v) / max) * 100 : 0}%` }} />
                </span>
                <span class="hbar-value">{v.toPrecision(3)}</span>
              </li>
            ))}
          </ul>
          <p class="muted">{props.unit}</p>
        </div>
      )}
    </ChartCard>
  );
}

/** Rows = actual class, columns = predicted class; cell shade by share of its row. */
export function ConfusionMatrix({ matrix, labels }: { matrix?: unknown; labels?: unknown }) {
  const m =
    Array.isArray(matrix) && matrix.length > 0 && matrix.every((r) => nums(r)?.length === matrix.length)
      ? (matrix as number[][])
      : undefined;
  const names = Array.isArray(labels) && m && labels.length === m.length ? labels.map(String) : m?.map((_, i) => `class ${i}`);
  return (
    <ChartCard title="Confusion matrix">
      {!m || !names ? (
        <NotAvailable what="Confusion matrix" />
      ) : (
        <div class="table-wrap">
          <table class="confusion">
            <caption class="muted">rows: actual class · columns: predicted class · counts of test rows</caption>
            <thead>
              <tr>
                <th scope="col">actual \ predicted</th>
                {names.map((n) => (
                  <th scope="col">{n}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.map((row, i) => {
                const total = row.reduce((a, b) => a + b, 0) || 1;
                return (
                  <tr>
                    <th scope="row">{names[i]}</th>
                    {row.map((v) => (
                      <td style={{ background: `rgba(37, 99, 235, ${(v / total) * 0.8})`, color: v / total > 0.5 ? '#fff' : undefined }}>
                        {v}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}

export interface ForecastPoint {
  date: string;
  value: number;
  lower?: number | null;
  upper?: number | null;
}

/** History and forecast on one time axis, the forecast's interval as a band when the model gives one. */
export function ForecastChart(props: {
  title: string;
  history?: { date: string; value: number }[];
  forecast?: ForecastPoint[];
  yLabel: string;
}) {
  const built = useMemo(() => {
    const hist = (props.history ?? []).filter((p) => Number.isFinite(Date.parse(p.date)) && typeof p.value === 'number');
    const fc = (props.forecast ?? []).filter((p) => Number.isFinite(Date.parse(p.date)) && typeof p.value === 'number');
    if (!fc.length && !hist.length) return undefined;
    const rows = [
      ...hist.map((p) => ({ t: Date.parse(p.date) / 1000, h: p.value, f: null, lo: null, hi: null })),
      ...fc.map((p) => ({ t: Date.parse(p.date) / 1000, h: null, f: p.value, lo: p.lower ?? null, hi: p.upper ?? null })),
    ].sort((a, b) => a.t - b.t);
    const hasBand = rows.some((r) => r.lo !== null && r.hi !== null);
    const series: uPlot.Series[] = [
      {},
      { label: 'history', stroke: COLORS[0], width: 2, spanGaps: false },
      { label: 'forecast', stroke: COLORS[1], width: 2, dash: [6, 3] },
    ];
    const data: (number | null)[][] = [rows.map((r) => r.t), rows.map((r) => r.h), rows.map((r) => r.f)];
    if (hasBand) {
      series.push({ label: 'lower', stroke: `${COLORS[1]}66` }, { label: 'upper', stroke: `${COLORS[1]}66` });
      data.push(
        rows.map((r) => r.lo),
        rows.map((r) => r.hi),
      );
    }
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      axes: [axis('date'), axis(props.yLabel)],
      series,
      bands: hasBand ? [{ series: [4, 3], fill: `${COLORS[1]}22` }] : undefined,
    };
    return { opts, data: data as uPlot.AlignedData, hasBand };
  }, [props.history, props.forecast, props.yLabel]);
  return (
    <ChartCard title={props.title}>
      {built ? (
        <>
          <UPlot opts={built.opts} data={built.data} label={props.title} />
          {!built.hasBand && <p class="muted">No prediction interval for this model.</p>}
        </>
      ) : (
        <NotAvailable what={props.title} />
      )}
    </ChartCard>
  );
}
