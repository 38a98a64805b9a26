// The validation rules of ml/dataml_jobs/jobs/validate.py for one record, in TypeScript, for previews (6.6):
// a record the validator would reject gives null; an accepted one gives its typed values.
import { checkDefaultValue } from '../../contracts/template-types.js';
import type { TemplateDataType } from '../../contracts/templates.js';
import type { StoredTemplateColumn } from '../../db/tables/data.js';

export type Cell = string | number | boolean | null;

function typed(dataType: TemplateDataType, v: string): Cell {
  switch (dataType) {
    case 'Integer':
    case 'Float':
      return Number(v);
    case 'Boolean':
      return /^(true|1)$/i.test(v);
    case 'DateTime': {
      let s = v.toUpperCase().replace(' ', 'T');
      if (/T\d{2}:\d{2}$|T\d{2}:\d{2}(Z|[+-])/.test(s)) s = s.replace(/(T\d{2}:\d{2})/, '$1:00');
      if (!/(Z|[+-]\d{2}:?\d{2})$/.test(s)) s += 'Z';
      const d = new Date(s);
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    default:
      return v;
  }
}

export function recordTyper(header: string[], template: StoredTemplateColumn[]) {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const plan = template.map((c) => ({ col: c, i: index.get(c.column_name.toLowerCase()) }));
  return (fields: string[]): Record<string, Cell> | null => {
    if (fields.length !== header.length) return null;
    const row: Record<string, Cell> = {};
    for (const { col, i } of plan) {
      const rawValue = i === undefined ? '' : fields[i]!;
      const trimmed = rawValue.trim();
      let value: string | null = col.data_type === 'String' ? rawValue : trimmed;
      if (trimmed === '') value = col.default_value ?? null;
      if (value === null) {
        if (!col.nullable) return null;
        row[col.column_name] = null;
        continue;
      }
      const dataType = col.data_type as TemplateDataType;
      if (checkDefaultValue(dataType, value) !== null) return null;
      row[col.column_name] = typed(dataType, value);
    }
    return row;
  };
}
