// What every command gets: the output mode and a signed-in SDK client for the chosen API URL.
import type { Command } from 'commander';
import { ApiError, DatamlClient } from '../clients/ts/src/index.js';
import { readCredentials, saveSession } from './credentials.js';
import { authError, CliError, EXIT, usageError } from './errors.js';

export const DEFAULT_URL = 'http://127.0.0.1:8000';

export interface GlobalOptions {
  url?: string;
  json?: boolean;
}

export interface Context {
  json: boolean;
  url: string;
  client: DatamlClient;
}

/** The URL: --url, else $DATAML_URL, else that of the last login, else the local default. */
export async function resolveUrl(opts: GlobalOptions): Promise<string> {
  const url = opts.url ?? process.env.DATAML_URL ?? (await readCredentials()).current ?? DEFAULT_URL;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw usageError(`--url must be an http(s) URL, got "${url}"`);
  }
  return url.replace(/\/+$/, '');
}

/** A client for the session stored for the URL; refreshed tokens are written back. Exit 3 without a session. */
export async function signedIn(cmd: Command): Promise<Context> {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const url = await resolveUrl(opts);
  const session = (await readCredentials()).sessions[url];
  if (!session) throw authError(`Not logged in to ${url}: run \`dataml login --url ${url}\``);
  const client = new DatamlClient({
    baseUrl: url,
    tokens: session.tokens,
    onTokens: (tokens) => saveSession(url, tokens ? { username: session.username, tokens } : undefined),
  });
  return { json: Boolean(opts.json), url, client };
}

/** Turns whatever a command threw into an exit code and a one-line message (the API's own message). */
export function describeError(err: unknown): { code: number; message: string; details?: unknown } {
  if (err instanceof CliError) return { code: err.exitCode, message: err.message, details: err.details };
  if (err instanceof ApiError) {
    if (err.status === 401) return { code: EXIT.auth, message: `Not authenticated: ${err.message} (run \`dataml login\`)` };
    if (err.status === 403) return { code: EXIT.auth, message: `Forbidden: ${err.message}` };
    const hint = err.status === 422 ? EXIT.usage : EXIT.failed;
    return { code: hint, message: `${err.message} (HTTP ${err.status} ${err.code})`, details: err.details };
  }
  // fetch() fails with a TypeError whose cause says why (refused, DNS, reset; several at once for an
  // address that resolves to more than one).
  const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } })?.cause;
  if (err instanceof TypeError && cause) {
    const why = cause.code ?? cause.errors?.find((e) => e.code)?.code ?? cause.message ?? 'network error';
    return { code: EXIT.failed, message: `Cannot reach the API: ${why}` };
  }
  if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return { code: EXIT.usage, message: (err as Error).message };
  return { code: EXIT.failed, message: err instanceof Error ? err.message : String(err) };
}
