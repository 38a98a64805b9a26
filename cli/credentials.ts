// Where the CLI keeps sessions: one file per OS user, readable by that user only (0600, in a 0700 directory),
// holding per API URL the username and tokens. Tokens are never printed.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Tokens } from '../clients/ts/src/index.js';

export interface Session {
  username: string;
  tokens: Tokens;
}

interface CredentialsFile {
  /** The URL of the last login: the default for later commands. */
  current?: string;
  sessions: Record<string, Session>;
}

export function configDir(): string {
  if (process.env.DATAML_CONFIG_DIR) return process.env.DATAML_CONFIG_DIR;
  return path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'dataml');
}

export const credentialsPath = () => path.join(configDir(), 'credentials.json');

export async function readCredentials(): Promise<CredentialsFile> {
  try {
    const parsed = JSON.parse(await readFile(credentialsPath(), 'utf8')) as Partial<CredentialsFile>;
    return { current: parsed.current, sessions: parsed.sessions ?? {} };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { sessions: {} };
    if (err instanceof SyntaxError) return { sessions: {} }; // a damaged file is as good as none: log in again
    throw err;
  }
}

/** Writes atomically (temp file + rename) with mode 0600 from the start, so the token is never world-readable. */
async function writeCredentials(data: CredentialsFile): Promise<void> {
  const dir = configDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = credentialsPath();
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600); // in case the file existed with other bits
  await rename(tmp, file);
}

export async function saveSession(url: string, session: Session | undefined, makeCurrent = false): Promise<void> {
  const data = await readCredentials();
  if (session) data.sessions[url] = session;
  else delete data.sessions[url];
  if (makeCurrent) data.current = url;
  await writeCredentials(data);
}
