// Waiting for a process's change feed instead of waiting out a delay.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../../api/deps.js';

/**
 * Resolves once `deps`' change feed has heard every change on `channel` committed before the call: it sends
 * a sentinel NOTIFY and waits for it (Postgres delivers notifications in commit order). Rejects after
 * `timeoutMs`, so a feed that does not hear changes fails the test instead of being waited out.
 */
export async function changeFeedCaughtUp(deps: Pick<AppDeps, 'db' | 'changeFeed'>, channel: string, timeoutMs = 5000): Promise<void> {
  const feed = deps.changeFeed;
  if (!feed?.live) throw new Error('change feed is not live');
  const sentinel = `sentinel-${randomUUID()}`;
  let unsubscribe = () => {};
  const heard = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`change feed did not hear a NOTIFY on ${channel} within ${timeoutMs} ms`)), timeoutMs);
    unsubscribe = feed.topic(channel).subscribe((payload) => {
      if (payload === sentinel) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  try {
    await sql`select pg_notify(${channel}, ${sentinel})`.execute(deps.db);
    await heard;
  } finally {
    unsubscribe();
  }
}
