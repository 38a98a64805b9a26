import type { ColumnType } from 'kysely';

/** The first answer to an Idempotency-Key (api/middleware/idempotency.ts). */
export interface IdempotencyKeysTable {
  tenant_id: string;
  user_id: string;
  /** "METHOD /route/template". */
  route: string;
  key: string;
  /** A hash of the request (method, URL, JSON body): the same key with another request is refused. */
  fingerprint: string;
  /** pending: the first request is still running; done: its answer is below. */
  state: 'pending' | 'done';
  status: number | null;
  headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  body: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}
