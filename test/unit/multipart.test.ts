// The multipart reader on its own (no stack): parts in order with their bytes, and each way a body can be
// wrong rejected with its own error instead of an unhandled stream 'error'.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MultipartError, MultipartLimitError, parseMultipart } from '../../api/uploads/multipart.js';

const TYPE = 'multipart/form-data; boundary=zz';
const part = (name: string, filename: string | null, body: string) =>
  `--zz\r\nContent-Disposition: form-data; name="${name}"${filename === null ? '' : `; filename="${filename}"`}\r\n\r\n${body}\r\n`;

/** The body in chunks of `size` bytes, so that boundaries fall across chunks. */
const chunked = (text: string, size = 7) => {
  const bytes = Buffer.from(text);
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })(),
  );
};

async function collect(body: string, fileSize = 1 << 20) {
  const files: Array<{ filename: string; text: string }> = [];
  await parseMultipart(chunked(body), TYPE, { fileSize }, async (p) => {
    const chunks: Buffer[] = [];
    for await (const c of p.body) chunks.push(c as Buffer);
    files.push({ filename: p.filename, text: Buffer.concat(chunks).toString() });
  });
  return files;
}

describe('parseMultipart', () => {
  it('hands over the "files" parts in order and ignores other fields', async () => {
    const files = await collect(
      `${part('files', 'a.csv', 'a,b\n1,2') + part('note', null, 'hello') + part('files', 'b.csv', 'x\r\ny')}--zz--\r\n`,
    );
    expect(files).toEqual([
      { filename: 'a.csv', text: 'a,b\n1,2' },
      { filename: 'b.csv', text: 'x\r\ny' },
    ]);
  });

  it('rejects a body cut off before its closing boundary', async () => {
    await expect(
      collect('--zz\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\na,b\n1,2\n'),
    ).rejects.toBeInstanceOf(MultipartError);
    await expect(collect(part('other', 'a.csv', 'x').slice(0, -2))).rejects.toBeInstanceOf(MultipartError);
  });

  it('rejects a file over the size limit and file names that are not clean text', async () => {
    await expect(collect(`${part('files', 'a.csv', 'x'.repeat(100))}--zz--\r\n`, 10)).rejects.toBeInstanceOf(MultipartLimitError);
    for (const disposition of ["filename*=UTF-8''a%ZZ.csv", "filename*=UTF-8''a%FF.csv", "filename*=UTF-8''a%07.csv"]) {
      const body = `--zz\r\nContent-Disposition: form-data; name="files"; ${disposition}\r\n\r\nx\r\n--zz--\r\n`;
      await expect(collect(body), disposition).rejects.toBeInstanceOf(MultipartError);
    }
  });

  it("passes the handler's own error through", async () => {
    const failing = parseMultipart(chunked(`${part('files', 'a.csv', 'x')}--zz--\r\n`), TYPE, { fileSize: 100 }, async () => {
      throw new Error('handler failed');
    });
    await expect(failing).rejects.toThrow('handler failed');
  });
});
