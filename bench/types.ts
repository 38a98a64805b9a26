// What every benchmark reports: a measured value against a baseline measured in the same run.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline (or the figure the target is stated in). */
  ratio: number;
  /** e.g. ">= 0.75" or "<= 150" — compared against `ratio`. */
  target: string;
  note?: string;
}

export interface BenchContext {
  baseUrl: string;
  apiPid: number;
  seconds: number;
  /** Logs in as the bootstrap admin (when the identity module is present). */
  adminToken: () => Promise<string>;
}

export function meets(r: BenchResult): boolean {
  const m = /^(>=|<=)\s*([\d.]+)$/.exec(r.target.trim());
  if (!m) return true;
  return m[1] === '>=' ? r.ratio >= Number(m[2]) : r.ratio <= Number(m[2]);
}
