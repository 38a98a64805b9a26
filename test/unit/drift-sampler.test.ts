// The real-time drift sampler (api/serving/drift-sampler.ts): keeps a request with probability `rate`, writes the kept
// rows in one insert per flush, and a failing database never surfaces to the caller (a prediction never fails on it).
import type { Kysely } from 'kysely';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { DriftSampler } from '../../api/serving/drift-sampler.js';

/** Just enough of Kysely for `insertInto(...).values(rows).execute()`. */
function fakeDb(fail = false) {
  const inserts: unknown[][] = [];
  const db = {
    insertInto: () => ({
      values: (rows: unknown[]) => ({
        execute: async () => {
          if (fail) throw new Error('connection refused');
          inserts.push(rows);
        },
      }),
    }),
  } as unknown as Kysely<Database>;
  return { db, inserts };
}

const log = pino({ level: 'silent' });

describe('drift sampler', () => {
  it('keeps a request with probability rate and writes the kept rows in one insert', async () => {
    const { db, inserts } = fakeDb();
    const draws = [0.05, 0.5, 0.09, 0.95];
    const s = new DriftSampler(db, log, 0.1, 60_000, () => draws.shift()!);
    for (let i = 0; i < 4; i++) s.offer('t', 7, { age: i });
    await s.flush();
    expect(inserts).toHaveLength(1);
    expect((inserts[0] as Array<{ features: string }>).map((r) => JSON.parse(r.features).age)).toEqual([0, 2]);
  });

  it('keeps nothing at rate 0', async () => {
    const { db, inserts } = fakeDb();
    const s = new DriftSampler(db, log, 0, 60_000, () => 0);
    s.offer('t', 7, { age: 1 });
    await s.flush();
    expect(inserts).toEqual([]);
  });

  it('a failing database is logged, not thrown', async () => {
    const { db } = fakeDb(true);
    const s = new DriftSampler(db, log, 1, 60_000, () => 0);
    expect(() => s.offer('t', 7, { age: 1 })).not.toThrow();
    await expect(s.flush()).resolves.toBeUndefined();
  });
});
