// Fault drills on the API's input, over a real socket (stream errors of a Node request are not reproduced by
// in-process app.request): malformed multipart bodies answer 400 and the API stays up, an upload aborted
// mid-body or failing on a dead S3 leaves no rows and no objects, text with control characters or invalid
// UTF-8 answers 4xx, ids are strict, a known path with another method answers 405.
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { ListMultipartUploadsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../api/http-server.js';
import { datasetPrefix } from '../../api/storage/keys.js';
import { adminSession } from '../support/identity.js';
import { buildTestApp, hasStack, uniq } from '../support/stack.js';

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** One request over the socket with exactly these body bytes. */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: body ? { ...headers, 'content-length': String(body.length) } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON: the assertions say so */
          }
          resolve({ status: res.statusCode!, headers: res.headers, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const multipart = (boundary: string) => ({ 'content-type': `multipart/form-data; boundary=${boundary}` });

async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe.skipIf(!hasStack)('API input fault drills (real socket)', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let port: number;
  let token: string;
  let tenantId: string;
  let datasetId: number; // a dataset with a template, for 7.1
  const auth = () => ({ authorization: `Bearer ${token}` });
  const post = (path: string, headers: Record<string, string>, body: Buffer) => send(port, 'POST', path, { ...auth(), ...headers }, body);
  const get = (path: string) => send(port, 'GET', path, auth());
  const datasetsNamed = (name: string) => t.deps.db.selectFrom('datasets').select('id').where('dataset_name', '=', name).execute();
  const fileCount = async (id: number) =>
    (await t.deps.db.selectFrom('dataset_files').select('id').where('dataset_id', '=', id).execute()).length;
  async function expectUp() {
    const health = await send(port, 'GET', '/api/v1/utils/health-check/', {});
    expect(health.status).toBe(200);
  }

  beforeAll(async () => {
    t = await buildTestApp();
    server = await listen(t.app, '127.0.0.1', 0);
    port = (server.address() as AddressInfo).port;
    ({ token, tenantId } = await adminSession(t.deps));
    const tpl = await send(
      port,
      'POST',
      '/api/v1/template/',
      { ...auth(), 'content-type': 'application/json' },
      Buffer.from(
        JSON.stringify({
          template_name: uniq('drill'),
          template_schema: [
            { column_name: 'a', data_type: 'Integer' },
            { column_name: 'b', data_type: 'Integer' },
          ],
        }),
      ),
    );
    expect(tpl.status).toBe(201);
    const body = Buffer.from('--xx\r\nContent-Disposition: form-data; name="files"; filename="ok.csv"\r\n\r\na,b\n1,2\n\r\n--xx--\r\n');
    const up = await post(`/api/v1/dataset/upload?dataset_name=${uniq('drill')}&usage=t&template_id=${tpl.body.id}`, multipart('xx'), body);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    datasetId = up.body.dataset_id;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await t?.close();
  });

  describe('malformed multipart bodies answer 400 and the API stays up', () => {
    const unterminated = Buffer.from('--zz\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\na,b\n1,2\n');
    const longBoundary = 'b'.repeat(70);

    it('(a) 6.1 with a body that ends before its closing boundary', async () => {
      const name = uniq('mp');
      const res = await post(`/api/v1/dataset/upload?dataset_name=${name}&usage=t`, multipart('zz'), unterminated);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(await datasetsNamed(name)).toEqual([]);
      await expectUp();
    });

    it('(b) 7.1 with the same body, leaving the dataset as it was', async () => {
      const before = await fileCount(datasetId);
      const res = await post(`/api/v1/files/add?dataset_id=${datasetId}`, multipart('zz'), unterminated);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(await fileCount(datasetId)).toBe(before);
      await expectUp();
    });

    it('(c) a part without the "files" name, cut off', async () => {
      const body = Buffer.from('--zz\r\nContent-Disposition: form-data; name="other"; filename="a.csv"\r\n\r\na,b\n1,2\n');
      const res = await post(`/api/v1/dataset/upload?dataset_name=${uniq('mp')}&usage=t`, multipart('zz'), body);
      expect(res.status).toBe(400);
      await expectUp();
    });

    it('(d) an empty part after a long boundary', async () => {
      const body = Buffer.from(`--${longBoundary}\r\n\r\n`);
      const res = await post(`/api/v1/dataset/upload?dataset_name=${uniq('mp')}&usage=t`, multipart(longBoundary), body);
      expect(res.status).toBe(400);
      await expectUp();
      // Terminated, the same empty part is well-formed multipart without any file: 422.
      const closed = Buffer.from(`--${longBoundary}\r\n\r\n\r\n--${longBoundary}--\r\n`);
      const res2 = await post(`/api/v1/dataset/upload?dataset_name=${uniq('mp')}&usage=t`, multipart(longBoundary), closed);
      expect(res2.status).toBe(422);
      await expectUp();
    });

    it('file names: a bad RFC 5987 escape, invalid UTF-8, a control character', async () => {
      const part = (disposition: Buffer | string) =>
        Buffer.concat([
          Buffer.from('--zz\r\nContent-Disposition: form-data; name="files"; '),
          Buffer.from(disposition),
          Buffer.from('\r\n\r\na,b\n1,2\n\r\n--zz--\r\n'),
        ]);
      for (const disposition of [
        "filename*=UTF-8''a%ZZ.csv",
        "filename*=UTF-8''a%FF.csv",
        Buffer.concat([Buffer.from('filename="a'), Buffer.from([0xff, 0xfe]), Buffer.from('.csv"')]),
        "filename*=UTF-8''a%00.csv",
      ]) {
        const name = uniq('fn');
        const res = await post(`/api/v1/dataset/upload?dataset_name=${name}&usage=t`, multipart('zz'), part(disposition));
        expect(res.status, String(disposition)).toBe(400);
        expect(res.body.error.message).toMatch(/file name/);
        expect(await datasetsNamed(name)).toEqual([]);
      }
      await expectUp();
    });

    it('more files than allowed answer 413', async () => {
      const one = (i: number) => `--zz\r\nContent-Disposition: form-data; name="files"; filename="f${i}.csv"\r\n\r\na,b\n${i},1\n\r\n`;
      const body = Buffer.from(`${Array.from({ length: 501 }, (_, i) => one(i)).join('')}--zz--\r\n`);
      const name = uniq('many');
      const res = await post(`/api/v1/dataset/upload?dataset_name=${name}&usage=t`, multipart('zz'), body);
      expect(res.status).toBe(413);
      expect(await datasetsNamed(name)).toEqual([]);
    });
  });

  describe('failed uploads leave nothing behind', () => {
    /** Starts an upload of `total` bytes, sends `sent` of them, waits for `ready`, then resets the connection. */
    async function abortMidBody(path: string, total: number, sent: number, ready: () => Promise<boolean>) {
      const boundary = 'abortabort';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.csv"\r\n\r\na,b\n`);
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { ...auth(), ...multipart(boundary), 'content-length': String(total) },
      });
      req.on('error', () => undefined); // the reset below
      req.write(head);
      const row = Buffer.from('1,2\n'.repeat(16 * 1024)); // 64 KiB
      for (let n = head.length; n < sent; n += row.length) {
        if (!req.write(row)) await new Promise((r) => req.once('drain', r));
      }
      for (let i = 0; !(await ready()); i++) {
        if (i > 600) throw new Error('the upload never reached the server');
        await new Promise((r) => setTimeout(r, 50));
      }
      req.destroy();
    }
    async function until(what: string, check: () => Promise<boolean>) {
      for (let i = 0; !(await check()); i++) {
        if (i > 1200) throw new Error(`still not true after 60 s: ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    it('6.1 aborted by the client mid-body: no dataset row, no file row, no object, no open multipart upload', async () => {
      const name = uniq('abort');
      let id: number | undefined;
      // Ready once S3 holds an open multipart upload for it (the first 8 MiB part is on its way).
      await abortMidBody(`/api/v1/dataset/upload?dataset_name=${name}&usage=t`, 64 << 20, 12 << 20, async () => {
        id ??= (await datasetsNamed(name))[0]?.id;
        if (id === undefined) return false;
        const open = await t.deps.s3.send(
          new ListMultipartUploadsCommand({ Bucket: t.config.s3.bucket, Prefix: datasetPrefix(tenantId, id) }),
        );
        return (open.Uploads ?? []).length > 0;
      });
      await until('the dataset row is removed', async () => (await datasetsNamed(name)).length === 0);
      expect(await fileCount(id!)).toBe(0);
      const prefix = datasetPrefix(tenantId, id!);
      const objects = await t.deps.s3.send(new ListObjectsV2Command({ Bucket: t.config.s3.bucket, Prefix: prefix }));
      expect(objects.Contents ?? []).toEqual([]);
      const uploads = await t.deps.s3.send(new ListMultipartUploadsCommand({ Bucket: t.config.s3.bucket, Prefix: prefix }));
      expect(uploads.Uploads ?? []).toEqual([]);
      await expectUp();
    });

    it('7.1 aborted by the client mid-body: no ghost file in the dataset', async () => {
      const before = await fileCount(datasetId);
      const prefix = `${datasetPrefix(tenantId, datasetId)}raw/`;
      const objectsBefore = (await t.deps.s3.send(new ListObjectsV2Command({ Bucket: t.config.s3.bucket, Prefix: prefix }))).KeyCount ?? 0;
      // Ready once S3 holds an open multipart upload for it (the first 8 MiB part is on its way).
      const open = async () =>
        ((await t.deps.s3.send(new ListMultipartUploadsCommand({ Bucket: t.config.s3.bucket, Prefix: prefix }))).Uploads ?? []).length > 0;
      let inFlight: number | undefined;
      await abortMidBody(`/api/v1/files/add?dataset_id=${datasetId}`, 64 << 20, 12 << 20, async () => {
        if (!(await open())) return false;
        inFlight = await fileCount(datasetId);
        return true;
      });
      // While its bytes were still arriving, the file had no row a reader (or a crash) could see.
      expect(inFlight).toBe(before);
      await until('the multipart upload is aborted', async () => !(await open()));
      expect(await fileCount(datasetId)).toBe(before);
      expect((await t.deps.s3.send(new ListObjectsV2Command({ Bucket: t.config.s3.bucket, Prefix: prefix }))).KeyCount ?? 0).toBe(
        objectsBefore,
      );
      await expectUp();
    });

    it('with S3 unreachable: 503 with Retry-After within 10 s, and no dataset row', async () => {
      const dead = await buildTestApp({ S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}` });
      const deadServer = await listen(dead.app, '127.0.0.1', 0);
      try {
        const name = uniq('dead');
        const body = Buffer.from('--zz\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\na,b\n1,2\n\r\n--zz--\r\n');
        const started = Date.now();
        const res = await send(
          (deadServer.address() as AddressInfo).port,
          'POST',
          `/api/v1/dataset/upload?dataset_name=${name}&usage=t`,
          { ...auth(), ...multipart('zz') },
          body,
        );
        const elapsed = Date.now() - started;
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.body.error.code).toBe('service_unavailable');
        expect(elapsed).toBeLessThan(10_000); // the deadline the issue states
        expect(await datasetsNamed(name)).toEqual([]);
      } finally {
        await new Promise((r) => deadServer.close(r));
        await dead.close();
      }
    });
  });

  describe('text input', () => {
    it('a NUL byte in a login name, a dataset name or a template name answers 400, not 500', async () => {
      const login = await send(
        port,
        'POST',
        '/api/v1/login/access-token',
        { 'content-type': 'application/x-www-form-urlencoded' },
        Buffer.from('username=ad%00min&password=whatever-password'),
      );
      expect(login.status).toBe(400);
      expect(login.body.error.message).toMatch(/control character U\+0000/);
      const dataset = await post(`/api/v1/dataset/upload?dataset_name=a%00b&usage=t`, multipart('zz'), Buffer.from('--zz--\r\n'));
      expect(dataset.status).toBe(400);
      const template = await send(
        port,
        'POST',
        '/api/v1/template/',
        { ...auth(), 'content-type': 'application/json' },
        Buffer.from(JSON.stringify({ template_name: 'a\u0000b', template_schema: [] })),
      );
      expect(template.status).toBe(400);
      expect(template.body.error.message).toMatch(/U\+0000/);
      // The same six characters as text (an escaped backslash) are not a control character.
      const literal = await send(
        port,
        'POST',
        '/api/v1/template/',
        { ...auth(), 'content-type': 'application/json' },
        Buffer.from(JSON.stringify({ template_name: uniq('lit\\u0000'), template_schema: [] })),
      );
      expect(literal.status).toBe(201);
    });

    it('invalid UTF-8 in a JSON body, a form body, a query or a path answers 400', async () => {
      const json = await send(
        port,
        'POST',
        '/api/v1/template/',
        { ...auth(), 'content-type': 'application/json' },
        Buffer.concat([Buffer.from('{"template_name": "a'), Buffer.from([0xc3, 0x28]), Buffer.from('", "template_schema": []}')]),
      );
      expect(json.status).toBe(400);
      expect(json.body.error.message).toMatch(/UTF-8/);
      const form = await send(
        port,
        'POST',
        '/api/v1/login/access-token',
        { 'content-type': 'application/x-www-form-urlencoded' },
        Buffer.from('username=a%FFb&password=whatever-password'),
      );
      expect(form.status).toBe(400);
      expect((await get('/api/v1/dataset/list?x=%FF')).status).toBe(400);
      expect((await get('/api/v1/template/%C3%28')).status).toBe(400);
      await expectUp();
    });
  });

  describe('ids and methods', () => {
    it("path and query ids must be plain digits: ' 1', '+1', '1.0' answer 422", async () => {
      for (const id of ['%201', '+1', '1.0', '1e0', '0x1', '01', '99999999999999999999']) {
        const path = await get(`/api/v1/template/${id}`);
        expect(path.status, id).toBe(422);
        expect(path.body.error.code).toBe('validation_error');
        const query = await get(`/api/v1/files/list?dataset_id=${id}`);
        expect(query.status, id).toBe(422);
      }
      expect((await get(`/api/v1/files/list?dataset_id=${datasetId}`)).status).toBe(200);
      expect((await get(`/api/v1/dataset/view?dataset_id=${datasetId}&limit=%2010`)).status).toBe(422);
    });

    it('a known path with an unsupported method answers 405 with Allow; an unknown path stays 404', async () => {
      const res = await send(port, 'PATCH', '/api/v1/template/1', auth());
      expect(res.status).toBe(405);
      expect(res.body.error.code).toBe('method_not_allowed');
      expect(res.headers.allow).toBe('DELETE, GET, HEAD');
      const update = await send(port, 'GET', '/api/v1/template/update/1', auth());
      expect(update.status).toBe(405);
      expect(update.headers.allow).toBe('PUT');
      const list = await send(port, 'DELETE', '/api/v1/dataset/list', auth());
      expect(list.status).toBe(405);
      expect(list.headers.allow).toBe('GET, HEAD');
      expect((await send(port, 'PATCH', '/api/v1/nope', auth())).status).toBe(404);
    });
  });
});
