// The API's one CSV reader: records from a byte stream (UTF-8, optional BOM, CRLF or LF, quoted fields with
// commas, quotes and line breaks), for previews and template inference; memory stays bounded by one record.
// It reads as pyarrow (the validator) does: a quote opens a quoted field only at the start of a field; inside an
// unquoted field it is an ordinary character.
import type { Readable } from 'node:stream';

export interface CsvRecord {
  fields: string[];
  /** The record's text as it is in the file, without its line ending. */
  raw: string;
}

export async function* csvRecords(stream: Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  let fields: string[] = [];
  let field = '';
  let raw = '';
  let quoted = false;
  let afterQuote = false;
  let started = false; // the current field has begun (quoted or not)
  let pendingCR = false;
  const MAX_RECORD = 16 * 1024 * 1024;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    let text = decoder.decode(chunk, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
        } else field += ch;
        raw += ch;
        continue;
      }
      if (ch === '"' && (afterQuote || !started)) {
        if (afterQuote) field += '"'; // "" inside a quoted field
        quoted = true;
        started = true;
        afterQuote = false;
        raw += ch;
        continue;
      }
      afterQuote = false;
      if (ch === ',') {
        fields.push(field);
        field = '';
        started = false;
        raw += ch;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r') pendingCR = true;
        fields.push(field);
        if (!(fields.length === 1 && fields[0] === '' && raw === '')) out.push({ fields, raw });
        fields = [];
        field = '';
        started = false;
        raw = '';
      } else {
        field += ch;
        started = true;
        raw += ch;
      }
      if (raw.length > MAX_RECORD) throw new Error('a CSV record is larger than 16 MiB');
    }
    for (const r of out) yield r;
  }
  if (raw !== '' || fields.length) {
    fields.push(field);
    yield { fields, raw };
  }
}
