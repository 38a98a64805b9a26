// The SDK's hand layer with a fake server (a fetch function): refresh on 401 and one retry, proactive refresh of an
// expiring token, a failed refresh ending the session, and streamed multipart uploads parsed back by undici.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, DatamlClient, type Tokens } from '../../clients/ts/src/index.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake API: one valid access token at a time; /refresh rotates it. Records what it was asked. */
function fakeApi() {
  const state = { valid: 'access-2', refreshes: 0, seen: [] as string[], uploads: [] as FormData[] };
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    state.seen.push(`${req.method} ${url.pathname} ${req.headers.get('authorization') ?? '-'}`);
    if (url.pathname === '/api/v1/refresh') {
      if (url.searchParams.get('refresh_token') !== 'refresh-1')
        return json(401, { error: { code: 'unauthorized', message: 'bad refresh token' } });
      state.refreshes++;
      state.valid = `access-${2 + state.refreshes}`;
      return json(200, { access_token: state.valid, token_type: 'bearer', expires_in: 900 });
    }
    if (req.headers.get('authorization') !== `Bearer ${state.valid}`)
      return json(401, { error: { code: 'unauthorized', message: 'Token expired' } });
    if (url.pathname === '/api/v1/template/') return json(201, { status: 201, message: 'ok', id: 7, version: 1, echo: await req.json() });
    if (url.pathname === '/api/v1/dataset/upload') {
      const form = await new Response(req.body, { headers: { 'content-type': req.headers.get('content-type')! } }).formData();
      state.uploads.push(form);
      return json(201, {
        dataset_id: 3,
        dataset_name: url.searchParams.get('dataset_name'),
        data_source: 'csv',
        files: [],
        workflow_id: 'upload-validate-3-1',
      });
    }
    return json(404, { error: { code: 'not_found', message: 'nope' }, request_id: 'r1' });
  };
  return { state, fetchImpl: fetchImpl as typeof fetch };
}

describe('TypeScript SDK hand layer', () => {
  it('on a 401 refreshes once and replays the request with the new token (body included); persists the tokens', async () => {
    const { state, fetchImpl } = fakeApi();
    const saved: Array<Tokens | undefined> = [];
    const client = new DatamlClient({
      baseUrl: 'http://api.test/',
      fetch: fetchImpl,
      tokens: { access_token: 'access-1', refresh_token: 'refresh-1' },
      onTokens: (t) => void saved.push(t),
    });
    const { data, response } = await client.api.POST('/api/v1/template/', { body: { template_name: 'x', template_schema: [] } });
    expect(response.status).toBe(201);
    expect((data as any).echo).toEqual({ template_name: 'x', template_schema: [] });
    expect(state.refreshes).toBe(1);
    expect(state.seen).toEqual([
      'POST /api/v1/template/ Bearer access-1',
      'POST /api/v1/refresh -',
      'POST /api/v1/template/ Bearer access-3',
    ]);
    expect(saved.at(-1)).toMatchObject({ access_token: 'access-3', refresh_token: 'refresh-1' });
  });

  it('refreshes before a request when the access token is about to expire', async () => {
    const { state, fetchImpl } = fakeApi();
    const client = new DatamlClient({
      baseUrl: 'http://api.test',
      fetch: fetchImpl,
      tokens: { access_token: 'access-2', refresh_token: 'refresh-1', expires_at: Date.now() + 5_000 },
    });
    await client.api.GET('/api/v1/template/list');
    expect(state.seen[0]).toBe('POST /api/v1/refresh -');
    expect(state.seen[1]).toBe('GET /api/v1/template/list Bearer access-3');
  });

  it('a refused refresh ends the session and the 401 reaches the caller as an ApiError', async () => {
    const { fetchImpl } = fakeApi();
    const saved: Array<Tokens | undefined> = [];
    const client = new DatamlClient({
      baseUrl: 'http://api.test',
      fetch: fetchImpl,
      tokens: { access_token: 'old', refresh_token: 'revoked' },
      onTokens: (t) => void saved.push(t),
    });
    await expect(client.job('train-1')).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: 'Token expired' });
    expect(saved).toEqual([undefined]);
    expect(client.tokens).toBeUndefined();
    const err = await client.job('train-1').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
  });

  it('uploads files from paths and streams as multipart `files` parts, reporting bytes sent against the total', async () => {
    const { state, fetchImpl } = fakeApi();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sdk-upload-'));
    const big = `a,b\n${'1,2\n'.repeat(50_000)}`;
    writeFileSync(path.join(dir, 'one "quoted".csv'), big);
    const client = new DatamlClient({ baseUrl: 'http://api.test', fetch: fetchImpl, tokens: { access_token: 'access-2' } });
    const seen: Array<{ sent: number; total: number | null }> = [];
    const res = await client.uploadDataset(
      { dataset_name: 'd', usage: 't' },
      [{ path: path.join(dir, 'one "quoted".csv') }, { stream: new Blob(['x,y\n3,4\n']).stream(), name: 'two.csv', size: 8 }],
      { onProgress: (p) => seen.push({ sent: p.sent, total: p.total }) },
    );
    expect(res).toMatchObject({ dataset_id: 3, dataset_name: 'd', workflow_id: 'upload-validate-3-1' });
    const files = state.uploads[0]!.getAll('files') as File[];
    expect(files.map((f) => f.name)).toEqual(['one "quoted".csv', 'two.csv']);
    expect(await files[0]!.text()).toBe(big);
    expect(await files[1]!.text()).toBe('x,y\n3,4\n');
    const total = big.length + 8;
    expect(seen.every((p) => p.total === total)).toBe(true);
    expect(seen.at(-1)!.sent).toBe(total);
    // Progress is reported while the first file streams, not only at the end.
    expect(seen.filter((p) => p.sent > 0 && p.sent < big.length).length).toBeGreaterThan(0);
  });
});
