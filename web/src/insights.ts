// Where the model page finds each chart's data in the API's answers. Fields marked (#11) are being added by
// issue #11; until then they are absent and the charts say "not available for this model". The lead wires the
// final names here, in one place.
import { pairs } from './charts/charts.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const first = (o: Obj | undefined, keys: string[]) => keys.map((k) => o?.[k]).find((v) => v !== undefined && v !== null);

/** model_summary.curves (10.5, ml/dataml_jobs/training/curves.py): hold-out ROC, PR, calibration, residuals. */
const curves = (s: Obj | undefined) => obj(s?.curves);

/** curves.roc / curves.pr are keyed by class: the positive class's (binary) or the first class's curve. */
function perClass(c: Obj | undefined, key: string): unknown {
  const byClass = obj(c?.[key]);
  if (!byClass) return undefined;
  const positive = c?.positive_class;
  const pick = typeof positive === 'string' || typeof positive === 'number' ? byClass[String(positive)] : undefined;
  return pick ?? Object.values(byClass)[0];
}

/** ROC: curves.roc[class] {fpr[], tpr[]}; older answers may carry model_summary.roc_curve | .roc. */
export const rocCurve = (s: Obj | undefined) => pairs(perClass(curves(s), 'roc') ?? first(s, ['roc_curve', 'roc']), 'fpr', 'tpr');

/** Precision–recall: curves.pr[class] {recall[], precision[]}. */
export const prCurve = (s: Obj | undefined) =>
  pairs(perClass(curves(s), 'pr') ?? first(s, ['pr_curve', 'precision_recall', 'pr']), 'recall', 'precision');

/** model_summary.residuals (#11): {predicted[], residual[]} or [{predicted, residual}]; or {y_pred[], y_true[]}. */
export function residuals(s: Obj | undefined) {
  const r = first(curves(s), ['residuals']) ?? first(s, ['residuals']);
  const direct = pairs(r, 'predicted', 'residual');
  if (direct) return direct;
  const pt = pairs(r, 'y_pred', 'y_true');
  return pt && { x: pt.x, y: pt.y.map((y, i) => y - pt.x[i]!) };
}

/** model_summary.class_labels | .labels (#11): the confusion matrix's class names; else "class i". */
export const classLabels = (s: Obj | undefined) => first(s, ['class_labels', 'labels', 'classes']);

/** model_summary.calibration (#11): {bins[] (mean predicted), observed[]} or [{predicted, observed}]. */
export function calibration(s: Obj | undefined) {
  // curves.calibration.bins: [{lower, upper, mean_predicted, observed, count}], drawn as mean predicted → observed.
  const bins = obj(curves(s)?.calibration)?.bins;
  if (Array.isArray(bins)) {
    const points = bins
      .map((b) => obj(b))
      .filter((b): b is Obj => Boolean(b))
      .map((b) => ({ predicted: b.mean_predicted, observed: b.observed }));
    return pairs(points, 'predicted', 'observed');
  }
  return pairs(first(s, ['calibration']), 'predicted', 'observed') ?? pairs(first(s, ['calibration']), 'bins', 'observed');
}

/** model_summary.backtest | .backtests (#11): rows of a table, each an object of scalars. */
export function backtest(s: Obj | undefined): Obj[] | undefined {
  const b = first(s, ['backtest', 'backtests']);
  const rows = Array.isArray(b) ? b : Array.isArray(obj(b)?.folds) ? (obj(b)!.folds as unknown[]) : undefined;
  return rows?.filter((r): r is Obj => Boolean(obj(r)));
}

/** model_summary.leaderboard (today: algorithm, validation_score, validation_metric, validation_headline, fit_seconds, selected, skipped). */
export const leaderboard = (s: Obj | undefined) =>
  Array.isArray(s?.leaderboard) ? (s.leaderboard as unknown[]).filter((r): r is Obj => Boolean(obj(r))) : undefined;

/**
 * 9.1's answer with explain=true: .explanation.outputs {output: {base_value, contributions}} (contracts/inference.ts
 * `Explanation`): the predicted class's output (binary models explain the positive class only), else the first.
 */
export function explanation(res: unknown): { output: string; unit: string; entries: [string, number][] } | undefined {
  const e = obj(obj(res)?.explanation);
  const outputs = obj(e?.outputs);
  if (!outputs) return undefined;
  const predicted = String(obj(res)?.prediction);
  const name = predicted in outputs ? predicted : Object.keys(outputs)[0];
  const c = name === undefined ? undefined : obj(obj(outputs[name])?.contributions);
  if (!c || name === undefined) return undefined;
  const unit = { log_odds: 'log-odds', softmax_score: 'softmax score', probability: 'probability', value: 'target units' }[
    String(e?.output)
  ];
  return {
    output: name,
    unit: unit ?? String(e?.output ?? ''),
    entries: Object.entries(c).filter((kv): kv is [string, number] => typeof kv[1] === 'number'),
  };
}

/** 9.4's answer: .history (#11): [{date, value}] observed before the forecast. */
export const forecastHistory = (res: unknown) => {
  const h = obj(res)?.history;
  return Array.isArray(h)
    ? (h.filter((p) => obj(p) && typeof (p as Obj).value === 'number') as { date: string; value: number }[])
    : undefined;
};

export const cellText = (v: unknown): string =>
  typeof v === 'number'
    ? Number.isInteger(v)
      ? String(v)
      : v.toPrecision(4)
    : v === null || v === undefined
      ? '—'
      : typeof v === 'object'
        ? compactJson(v)
        : String(v);

// A trial's settings: `key=value` pairs, numbers rounded, so that a leaderboard cell stays readable.
function compactJson(v: object): string {
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  return Object.entries(v)
    .map(([k, x]) => `${k}=${cellText(x)}`)
    .join(' ');
}
