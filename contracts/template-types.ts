import type { TemplateDataType } from './templates.js';

// Pure check of a template column's default_value against its data_type (no I/O).
// Returns an error message, or null when the value fits (null/undefined/"" means "no default").

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false|1|0)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function checkDefaultValue(dataType: TemplateDataType, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const v = value.trim();
  switch (dataType) {
    case 'String':
      return null;
    case 'Integer':
      return INTEGER.test(v) && Number.isSafeInteger(Number(v)) ? null : `"${value}" is not an Integer`;
    case 'Float':
      return FLOAT.test(v) && Number.isFinite(Number(v)) ? null : `"${value}" is not a Float`;
    case 'Boolean':
      return BOOLEAN.test(v) ? null : `"${value}" is not a Boolean (true/false/1/0)`;
    case 'Date':
      return isCalendarDate(v) ? null : `"${value}" is not a Date (YYYY-MM-DD)`;
    case 'DateTime': {
      const m = DATETIME.exec(v);
      const ok = m !== null && isCalendarDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60;
      return ok ? null : `"${value}" is not a DateTime (ISO 8601, e.g. 2025-09-18T10:00:00Z)`;
    }
    default: {
      const unknown: never = dataType;
      return `unknown data type "${String(unknown)}"`;
    }
  }
}
