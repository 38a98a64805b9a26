// The console's only way to the platform: the public REST API through the generated TypeScript client
// (clients/ts: openapi-fetch over schema.d.ts, and its token store for sign-in and refresh). The SDK's Node-only
// parts (streamed uploads from disk) are not imported; uploads here use XMLHttpRequest for byte progress.
import createClient from 'openapi-fetch';
import { type Tokens, TokenStore } from '../../clients/ts/src/auth.js';
import { ApiError, apiErrorFrom, unwrap } from '../../clients/ts/src/errors.js';
import type { components, paths } from '../../clients/ts/src/schema.js';
import { signal } from './state.js';

export type Schemas = components['schemas'];
export type Me = Schemas['MeResponse'];
export type Job = Schemas['JobDetail'];
export { ApiError, unwrap };

const TOKENS_KEY = 'dataml.tokens';
const base = location.origin;

function storedTokens(): Tokens | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The signed-in user (null: signed out; undefined: not known yet). */
export const me = signal<Me | null | undefined>(undefined);

const tokens = new TokenStore(
  base,
  (...a) => fetch(...a),
  storedTokens(),
  (t) => {
    if (t) sessionStorage.setItem(TOKENS_KEY, JSON.stringify(t));
    else {
      sessionStorage.removeItem(TOKENS_KEY);
      me.set(null);
    }
  },
);

export const api = createClient<paths>({ baseUrl: base });
api.use(tokens.middleware());

export const hasSession = () => Boolean(tokens.tokens);

export async function loadMe(): Promise<void> {
  if (!tokens.tokens) return me.set(null);
  try {
    me.set(unwrap(await api.GET('/api/v1/me')));
  } catch (err) {
    if (err instanceof ApiError && err.isAuth) await tokens.set(undefined);
    else throw err;
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  await tokens.login(username, password);
  await loadMe();
}

export async function refreshNow(): Promise<boolean> {
  return tokens.refresh();
}

export async function signOut(): Promise<void> {
  const refresh = tokens.tokens?.refresh_token;
  if (refresh) await api.POST('/api/v1/logout', { params: { query: { refresh_token: refresh } } });
  await tokens.set(undefined);
}

export const can = (permission: string) => me.get()?.permissions.includes(permission) ?? false;

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** 6.1 / 7.1 multipart upload with the browser's byte progress (fetch cannot report upload progress). */
export async function uploadFiles<T>(
  route: '/api/v1/dataset/upload' | '/api/v1/files/add',
  query: Record<string, string | number | undefined>,
  files: File[],
  onProgress: (p: UploadProgress) => void,
): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  const token = await tokens.accessToken();
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onerror = () => reject(new ApiError(0, undefined, 'The upload failed: network error'));
    xhr.onload = async () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      if (xhr.status >= 200 && xhr.status < 300) resolve((await res.json()) as T);
      else reject(await apiErrorFrom(res));
    };
  });
  xhr.open('POST', `${base}${route}?${qs}`);
  if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
  xhr.send(form);
  return done;
}

/** A non-JSON download (batch prediction CSV) with the bearer token, saved through an object URL. */
export async function download(route: string, query: Record<string, string | number>, fileName: string): Promise<void> {
  const token = await tokens.accessToken();
  const res = await fetch(`${base}${route}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw await apiErrorFrom(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The job with its live progress (GET /api/v1/jobs/{workflow_id}). */
export async function getJob(workflowId: string): Promise<Job> {
  return unwrap(await api.GET('/api/v1/jobs/{workflow_id}', { params: { path: { workflow_id: workflowId } } }));
}
