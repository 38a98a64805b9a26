// The API's one CSV reader (api/uploads/csv-stream.ts) reads as pyarrow, the validator, does, and template
// inference reads through it: a preview or an inferred template cannot disagree with what was validated.
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../api/uploads/csv-stream.js';
import { inferTemplate } from '../../api/uploads/infer-template.js';

const records = async (text: string) => {
  const out: string[][] = [];
  for await (const r of csvRecords([Buffer.from(text)])) out.push(r.fields);
  return out;
};

describe('CSV reading', () => {
  it('keeps a quote inside an unquoted field as a character (pyarrow: a"b -> a"b)', async () => {
    expect(await records('id,name\n1,a"b\n2,x\n')).toEqual([
      ['id', 'name'],
      ['1', 'a"b'],
      ['2', 'x'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', async () => {
    expect(await records('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });

  it('infers a template from the same records (the quote stays in its field, not swallowing the next lines)', async () => {
    const cols = await inferTemplate(Buffer.from('id,name,score\n1,a"b,2.5\n2,c,3\n'), true);
    expect(cols.map((c) => [c.column_name, c.data_type])).toEqual([
      ['id', 'Integer'],
      ['name', 'String'],
      ['score', 'Float'],
    ]);
  });

  it('drops the last record of a head that may have been cut', async () => {
    const cols = await inferTemplate(Buffer.from('n\n1\n2\n3.'), false);
    expect(cols).toEqual([{ column_name: 'n', data_type: 'Integer', default_value: null, nullable: false }]);
  });
});
