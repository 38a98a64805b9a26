// Infers a template from the first bytes of a CSV file: column names from the header, a type per column from
// the first records (the narrowest of Integer, Float, Boolean, Date, DateTime that fits every non-empty value,
// else String), and `nullable` when a sampled value is empty.
import { checkDefaultValue } from '../../contracts/template-types.js';
import type { TemplateDataType } from '../../contracts/templates.js';
import type { StoredTemplateColumn } from '../../db/tables/data.js';

const CANDIDATES: TemplateDataType[] = ['Integer', 'Float', 'Boolean', 'Date', 'DateTime'];

/** Parses CSV records from text; the last record is dropped when the text may have been cut. */
export function parseCsvRecords(text: string, complete: boolean, maxRecords = 1000): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  let fieldStarted = false;
  const pushRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length && records.length < maxRecords) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      pushRecord();
    } else {
      field += ch;
      fieldStarted = true;
    }
    i++;
  }
  if (complete && (fieldStarted || record.length) && records.length < maxRecords) pushRecord();
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function inferTemplate(head: Buffer, complete: boolean): StoredTemplateColumn[] {
  if (head.length === 0 || head.includes(0)) return [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return [];
  }
  text = text.replace(/^\uFEFF/, '');
  const records = parseCsvRecords(text, complete, 1001);
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
    columns.push({ column_name: name, data_type: type, default_value: null, nullable: present.length < values.length || rows.length === 0 });
  });
  return columns;
}
