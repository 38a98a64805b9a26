import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

// BIGINT (int8) ids and counts come back as strings by default; ours fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function createDb(url: string, max = 10): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max }) }),
  });
}
