// Previews of stored raw files: a dataset's accepted rows, typed (6.6), and a file's lines as they are (7.3).
import type { StoredTemplateColumn } from '../../db/tables/data.js';
import type { AppDeps } from '../deps.js';
import { openObject } from '../storage/objects.js';
import { csvRecords } from '../uploads/csv-stream.js';
import { recordTyper, type Cell } from '../uploads/typed-rows.js';

export type { Cell };

/** A validated file of the dataset: its key and how many of its rows were accepted (null when unknown). */
export interface PreviewFile {
  s3_key: string;
  valid_rows: number | string | null;
}

/** Up to `limit` rows the validator accepted, after skipping `offset` of them, across `files` in order. */
export async function previewRows(
  deps: AppDeps,
  files: PreviewFile[],
  template: StoredTemplateColumn[],
  window: { limit: number; offset: number },
): Promise<Record<string, Cell>[]> {
  const preview: Record<string, Cell>[] = [];
  let skip = window.offset;
  for (const f of files) {
    if (preview.length >= window.limit) break;
    if (f.valid_rows !== null && skip >= Number(f.valid_rows)) {
      skip -= Number(f.valid_rows); // skip a whole file without reading it
      continue;
    }
    const { body } = await openObject(deps.s3, deps.config.s3.bucket, f.s3_key);
    try {
      let typer: ((fields: string[]) => Record<string, Cell> | null) | null = null;
      for await (const rec of csvRecords(body)) {
        if (!typer) {
          typer = recordTyper(rec.fields, template);
          continue;
        }
        const row = typer(rec.fields);
        if (!row) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        preview.push(row);
        if (preview.length >= window.limit) break;
      }
    } finally {
      body.destroy();
    }
  }
  return preview;
}

/** The header line and `limit` lines from `offset` of one stored file, as they are in the file. */
export async function previewLines(deps: AppDeps, key: string, window: { limit: number; offset: number }): Promise<string[]> {
  const lines: string[] = [];
  const { body } = await openObject(deps.s3, deps.config.s3.bucket, key);
  try {
    let index = -1; // -1 = the header
    for await (const rec of csvRecords(body)) {
      if (index === -1) lines.push(rec.raw);
      else if (index >= window.offset) lines.push(rec.raw);
      index++;
      if (lines.length >= window.limit + 1) break;
    }
  } catch {
    // A binary or non-UTF-8 file: show what could be decoded.
  } finally {
    body.destroy();
  }
  return lines;
}
