import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { jobEnvironment, type Config } from '../../config/config.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface TableInspection {
  rows: number;
  sum: number | null;
  ids: number[] | null;
  snapshot_id: string | null;
  snapshots: number;
}

/** Reads a table with pyiceberg in a separate Python process: what the lake holds, not what a job said. */
export function inspectIcebergTable(config: Config, identifier: string): TableInspection {
  const out = execFileSync(path.join(ROOT, 'ml/.venv/bin/python'), [path.join(ROOT, 'test/support/inspect_iceberg.py'), identifier], {
    env: { ...process.env, ...jobEnvironment(config) },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as TableInspection;
}
