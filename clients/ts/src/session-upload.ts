// Upload sessions from the client's side: a file on disk PUT straight to the object store in parts, several
// at a time, each part read from its own byte range of the file (nothing is held beyond the parts in flight).
// A failed part is retried with a fresh URL from the session (which lists what the store already holds), so a
// dropped connection costs one part, not the file.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { UploadProgress } from './upload.js';

/** Files at least this large go through an upload session (smaller ones through 6.1 / 7.1 multipart). */
export const SESSION_THRESHOLD_BYTES = 64 * 1024 * 1024;
const PARTS_IN_FLIGHT = 4;
const ATTEMPTS_PER_PART = 4;

export interface SessionPart {
  part_number: number;
  size: number;
  url: string;
}

export interface SessionState {
  session_id: number;
  part_size: number;
  part_count: number;
  missing_parts: SessionPart[];
}

/** What the uploader needs from the API (DatamlClient provides it). */
export interface SessionApi {
  open(fileName: string, size: number): Promise<SessionState>;
  get(sessionId: number): Promise<SessionState>;
  complete(sessionId: number): Promise<unknown>;
}

export async function fileSize(filePath: string): Promise<number> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`${filePath} is not a file`);
  return info.size;
}

async function putPart(fetchImpl: typeof fetch, filePath: string, start: number, part: SessionPart, signal?: AbortSignal): Promise<void> {
  const body = Readable.toWeb(createReadStream(filePath, { start, end: start + part.size - 1 }));
  const res = await fetchImpl(part.url, {
    method: 'PUT',
    headers: { 'content-length': String(part.size) },
    body,
    duplex: 'half',
    signal,
  } as RequestInit);
  await res.body?.cancel();
  if (!res.ok) throw new Error(`part ${part.part_number}: the store answered ${res.status}`);
}

/** Uploads `filePath` through a new session and completes it; resolves with the completion's answer. */
export async function uploadInSession(
  api: SessionApi,
  fetchImpl: typeof fetch,
  filePath: string,
  opts: { name?: string; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<unknown> {
  const size = await fileSize(filePath);
  const name = opts.name ?? path.basename(filePath);
  let session = await api.open(name, size);
  let sent = size - session.missing_parts.reduce((a, p) => a + p.size, 0);
  opts.onProgress?.({ sent, total: size, file: name });
  for (let attempt = 1; session.missing_parts.length; attempt++) {
    const queue = [...session.missing_parts];
    const failures: unknown[] = [];
    const worker = async () => {
      for (let part = queue.shift(); part; part = queue.shift()) {
        try {
          await putPart(fetchImpl, filePath, (part.part_number - 1) * session.part_size, part, opts.signal);
          sent += part.size;
          opts.onProgress?.({ sent, total: size, file: name });
        } catch (err) {
          if (opts.signal?.aborted) throw err;
          failures.push(err);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, queue.length) }, worker));
    if (!failures.length) break;
    if (attempt >= ATTEMPTS_PER_PART) throw new Error(`upload session ${session.session_id}: parts kept failing`, { cause: failures[0] });
    // Ask the session what the store holds: parts that failed get fresh URLs, the rest are not sent again.
    session = { ...session, ...(await api.get(session.session_id)) };
  }
  return api.complete(session.session_id);
}
