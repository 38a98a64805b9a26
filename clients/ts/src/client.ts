// DatamlClient: the generated, typed API (`client.api.GET('/api/v1/...')`, openapi-fetch) plus what generation cannot
// express: sign-in with refresh, streamed multipart uploads with byte progress, and waiting for a job with progress.
import createClient, { type Client } from 'openapi-fetch';
import { type Tokens, TokenStore } from './auth.js';
import { ApiError, apiErrorFrom, unwrap } from './errors.js';
import { type Job, pollJob, type WaitOptions } from './jobs.js';
import type { components, paths } from './schema.js';
import { fileSize, SESSION_THRESHOLD_BYTES, type SessionState, uploadInSession } from './session-upload.js';
import { multipartBody, type UploadProgress, type UploadSource } from './upload.js';

export type Schemas = components['schemas'];
export type UploadDatasetQuery = paths['/api/v1/dataset/upload']['post']['parameters']['query'];
export type JobKind = NonNullable<NonNullable<paths['/api/v1/jobs']['get']['parameters']['query']>['kind']>;

export interface ClientOptions {
  /** The API's root, e.g. http://127.0.0.1:8000 */
  baseUrl: string;
  /** A session from an earlier sign-in (e.g. stored by the CLI). */
  tokens?: Tokens;
  /** Called whenever the tokens change (sign-in, refresh, session ended), to persist them. */
  onTokens?: (tokens: Tokens | undefined) => void | Promise<void>;
  fetch?: typeof fetch;
}

export interface UploadOptions {
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

export class DatamlClient {
  /** Every endpoint, typed from the API's OpenAPI document. */
  readonly api: Client<paths>;
  readonly baseUrl: string;
  private readonly auth: TokenStore;
  private readonly fetchImpl: typeof fetch;

  constructor(opts: ClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetch ?? globalThis.fetch;
    this.auth = new TokenStore(this.baseUrl, this.fetchImpl, opts.tokens, opts.onTokens);
    this.api = createClient<paths>({ baseUrl: this.baseUrl, fetch: (req) => this.fetchImpl(req) });
    this.api.use(this.auth.middleware());
  }

  get tokens(): Tokens | undefined {
    return this.auth.tokens;
  }

  /** Signs in (1.1); later calls carry the token and refresh it as needed. Throws ApiError (401) on bad credentials. */
  login(username: string, password: string): Promise<Tokens> {
    return this.auth.login(username, password);
  }

  /** Ends the session on the server (1.4) and forgets the tokens. */
  async logout(): Promise<void> {
    const refresh = this.auth.tokens?.refresh_token;
    if (refresh) await this.api.POST('/api/v1/logout', { params: { query: { refresh_token: refresh } } });
    await this.auth.set(undefined);
  }

  /** 6.1: uploads files (paths or streams) as a new dataset; validation starts at once (its job: `workflow_id`). */
  async uploadDataset(
    query: UploadDatasetQuery,
    files: UploadSource[],
    opts: UploadOptions = {},
  ): Promise<Schemas['UploadDatasetResponse']> {
    return this.upload('/api/v1/dataset/upload', query, files, opts) as Promise<Schemas['UploadDatasetResponse']>;
  }

  /**
   * 7.1: adds files to a dataset; they are validated by a job of their own (`workflow_id`). One file on disk of
   * SESSION_THRESHOLD_BYTES or more goes straight to the object store through an upload session instead.
   */
  async addFiles(datasetId: number, files: UploadSource[], opts: UploadOptions = {}): Promise<Schemas['AddFilesResponse']> {
    const [only] = files;
    if (files.length === 1 && only && 'path' in only && (await fileSize(only.path)) >= SESSION_THRESHOLD_BYTES) {
      return this.uploadInSession(datasetId, only.path, { ...opts, name: only.name });
    }
    return this.upload('/api/v1/files/add', { dataset_id: datasetId }, files, opts) as Promise<Schemas['AddFilesResponse']>;
  }

  /**
   * Adds one file on disk to a dataset through an upload session: its parts go from here straight to the object
   * store, several at a time, a failed part is sent again; then the session is completed and validation starts.
   */
  async uploadInSession(
    datasetId: number,
    filePath: string,
    opts: UploadOptions & { name?: string } = {},
  ): Promise<Schemas['AddFilesResponse']> {
    const id = (session_id: number) => ({ params: { path: { session_id } } });
    return uploadInSession(
      {
        open: async (file_name, size) =>
          unwrap(
            await this.api.POST('/api/v1/files/upload_sessions', {
              params: { query: { dataset_id: datasetId } },
              body: { file_name, size },
            }),
          ) as SessionState,
        get: async (sessionId) => unwrap(await this.api.GET('/api/v1/files/upload_sessions/{session_id}', id(sessionId))) as SessionState,
        complete: async (sessionId) => unwrap(await this.api.POST('/api/v1/files/upload_sessions/{session_id}/complete', id(sessionId))),
      },
      this.fetchImpl,
      filePath,
      opts,
    ) as Promise<Schemas['AddFilesResponse']>;
  }

  private async upload(
    route: string,
    query: Record<string, string | number | undefined>,
    files: UploadSource[],
    opts: UploadOptions,
  ): Promise<unknown> {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
    const send = async () => {
      const { body, contentType, replayable } = await multipartBody(files, opts.onProgress);
      const token = await this.auth.accessToken();
      const res = await this.fetchImpl(`${this.baseUrl}${route}?${qs}`, {
        method: 'POST',
        headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
        duplex: 'half',
        signal: opts.signal,
      } as RequestInit);
      return { res, replayable };
    };
    let { res, replayable } = await send();
    // Files on disk can be sent again after a refresh; a stream has been consumed.
    if (res.status === 401 && replayable && (await this.auth.refresh())) {
      await res.body?.cancel();
      ({ res } = await send());
    }
    if (!res.ok) throw await apiErrorFrom(res);
    return res.json();
  }

  /** The job with its live progress (GET /api/v1/jobs/{workflow_id}). */
  async job(workflowId: string): Promise<Job> {
    return unwrap(await this.api.GET('/api/v1/jobs/{workflow_id}', { params: { path: { workflow_id: workflowId } } }));
  }

  /** Polls the job until it has ended, calling `onProgress` with each state; returns the ended job (it may have failed). */
  waitForJob(workflowId: string, opts: WaitOptions = {}): Promise<Job> {
    return pollJob(() => this.job(workflowId), opts);
  }

  /**
   * The workflow id of the job working on `resourceId` (e.g. a batch prediction's id), once it is recorded: for
   * the endpoints that answer with a resource id rather than a workflow id (9.2).
   */
  async findJob(kind: JobKind, resourceId: string | number, opts: { timeoutMs?: number } = {}): Promise<Schemas['JobSummary']> {
    const until = Date.now() + (opts.timeoutMs ?? 30_000);
    for (;;) {
      const page = unwrap(await this.api.GET('/api/v1/jobs', { params: { query: { kind, resource: String(resourceId), limit: 1 } } }));
      if (page.data[0]) return page.data[0];
      if (Date.now() > until) throw new ApiError(404, { error: { code: 'not_found', message: `no ${kind} job for ${resourceId}` } });
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Requests cancellation (POST /api/v1/jobs/{workflow_id}/cancel); the job records Cancelled once stopped. */
  async cancelJob(workflowId: string): Promise<Schemas['CancelJobResponse']> {
    return unwrap(await this.api.POST('/api/v1/jobs/{workflow_id}/cancel', { params: { path: { workflow_id: workflowId } } }));
  }

  /** GET of a non-JSON resource (e.g. the batch prediction CSV) as a streaming Response; throws ApiError unless 2xx. */
  async download(route: string, query: Record<string, string | number>): Promise<Response> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const send = async () => {
      const token = await this.auth.accessToken();
      return this.fetchImpl(`${this.baseUrl}${route}?${qs}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    };
    let res = await send();
    if (res.status === 401 && (await this.auth.refresh())) {
      await res.body?.cancel();
      res = await send();
    }
    if (!res.ok) throw await apiErrorFrom(res);
    return res;
  }
}
