// Infers a template from the first bytes of a CSV file: column names from the header, a type per column from
// the first records (the narrowest of Integer, Float, Boolean, Date, DateTime that fits every non-empty value,
// else String), and `nullable` when a sampled value is empty.
import { checkDefaultValue } from '../../contracts/template-types.js';
import type { TemplateDataType } from '../../contracts/templates.js';
import type { StoredTemplateColumn } from '../../db/tables/data.js';
import { csvRecords } from './csv-stream.js';

const CANDIDATES: TemplateDataType[] = ['Integer', 'Float', 'Boolean', 'Date', 'DateTime'];

/** The first `max` records of `head`; the last one is dropped when the head may have cut it. */
async function headRecords(head: Buffer, complete: boolean, max: number): Promise<string[][]> {
  const records: string[][] = [];
  for await (const rec of csvRecords([head])) {
    records.push(rec.fields);
    if (records.length > max) break;
  }
  if (!complete || records.length > max) records.pop();
  return records;
}

export async function inferTemplate(head: Buffer, complete: boolean): Promise<StoredTemplateColumn[]> {
  if (head.length === 0 || head.includes(0)) return [];
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return []; // not UTF-8 text: nothing to infer (the validator reports the file)
  }
  const records = await headRecords(head, complete, 1001);
  if (records.length === 0) return [];
  const header = records[0]!.map((h) => h.trim());
  const rows = records.slice(1);
  const seen = new Set<string>();
  const columns: StoredTemplateColumn[] = [];
  header.forEach((name, idx) => {
    const key = name.toLowerCase();
    if (!name || seen.has(key)) return; // unnamed or duplicate columns cannot be template columns
    seen.add(key);
    const values = rows.map((r) => (r[idx] ?? '').trim());
    const present = values.filter((v) => v !== '');
    let type: TemplateDataType = 'String';
    if (present.length) {
      for (const t of CANDIDATES) {
        if (present.every((v) => checkDefaultValue(t, v) === null)) {
          type = t;
          break;
        }
      }
    }
    columns.push({
      column_name: name,
      data_type: type,
      default_value: null,
      nullable: present.length < values.length || rows.length === 0,
    });
  });
  return columns;
}
