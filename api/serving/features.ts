// The model's inputs, and a request's features checked and typed against them (9.1): unknown or ill-typed
// features answer 422; a missing feature is sent as missing (NaN / "") so that the model's own fitted imputer
// fills it (the template default when the column has one, else the training median / "__missing__"), exactly
// as the batch path does with an empty cell. A missing feature that is neither nullable nor defaulted is a 422.
import { unprocessable } from '../errors.js';

export type FeatureKind = 'numeric' | 'categorical' | 'date';

export interface ModelFeature {
  column_name: string;
  data_type: string;
  kind: FeatureKind;
  default_value: string | null;
  nullable: boolean;
}

/** One typed value per feature: numbers (NaN = missing), strings ("" = missing) or date strings (null = missing). */
export type TypedRow = Record<string, number | string | null>;

type Issue = { path: string; message: string; code: string };

const INT = /^[+-]?\d+$/;
const NUM = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', '1', '1.0', 'yes']);
const FALSE = new Set(['false', '0', '0.0', 'no']);

function typed(f: ModelFeature, v: unknown): { ok: true; value: number | string | null } | { ok: false; message: string } {
  if (v === null || v === undefined) return { ok: true, value: f.kind === 'numeric' ? Number.NaN : f.kind === 'date' ? null : '' };
  switch (f.data_type) {
    case 'Integer':
      if (typeof v === 'number' && Number.isInteger(v)) return { ok: true, value: v };
      if (typeof v === 'string' && INT.test(v.trim())) return { ok: true, value: Number(v.trim()) };
      return { ok: false, message: `expected an integer, got ${JSON.stringify(v)}` };
    case 'Float':
      if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: v };
      if (typeof v === 'string' && NUM.test(v.trim())) return { ok: true, value: Number(v.trim()) };
      return { ok: false, message: `expected a number, got ${JSON.stringify(v)}` };
    case 'Boolean': {
      if (typeof v === 'boolean') return { ok: true, value: v ? 1 : 0 };
      if (v === 0 || v === 1) return { ok: true, value: v };
      const s = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
      if (s !== undefined && TRUE.has(s)) return { ok: true, value: 1 };
      if (s !== undefined && FALSE.has(s)) return { ok: true, value: 0 };
      return { ok: false, message: `expected a boolean (true/false), got ${JSON.stringify(v)}` };
    }
    case 'Date':
    case 'DateTime':
      if (typeof v === 'string' && v.trim() && !Number.isNaN(Date.parse(v))) return { ok: true, value: v.trim() };
      return {
        ok: false,
        message: `expected an ISO ${f.data_type === 'Date' ? 'date (YYYY-MM-DD)' : 'date-time'}, got ${JSON.stringify(v)}`,
      };
    default:
      if (typeof v === 'string') return { ok: true, value: v };
      return { ok: false, message: `expected a string, got ${JSON.stringify(v)}` };
  }
}

/**
 * Checks and types one request's features. `otherColumns` are the model's template columns that are not inputs
 * (Id, Target, ignored): accepted and not used, so a row of the dataset can be sent as it is.
 */
export function typeFeatures(
  features: readonly ModelFeature[],
  otherColumns: ReadonlySet<string>,
  given: Record<string, unknown>,
): TypedRow {
  const issues: Issue[] = [];
  const byName = new Map(features.map((f) => [f.column_name, f]));
  for (const name of Object.keys(given)) {
    if (!byName.has(name) && !otherColumns.has(name)) {
      issues.push({
        path: `features.${name}`,
        message: `"${name}" is not an input of this model (inputs: ${features.map((f) => f.column_name).join(', ')})`,
        code: 'unknown_feature',
      });
    }
  }
  const row: TypedRow = {};
  for (const f of features) {
    const v = given[f.column_name];
    if ((v === undefined || v === null) && !f.nullable && f.default_value === null) {
      issues.push({
        path: `features.${f.column_name}`,
        message: `required (the column is not nullable and has no default)`,
        code: 'required',
      });
      continue;
    }
    const t = typed(f, v);
    if (!t.ok) issues.push({ path: `features.${f.column_name}`, message: `${f.data_type}: ${t.message}`, code: 'invalid_type' });
    else row[f.column_name] = t.value;
  }
  if (issues.length) throw unprocessable(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  return row;
}
