// TenantCache: stores only while the change feed is live, drops a tenant's entries when that tenant
// changes, and never keeps a value read while its tenant was changing.
import { describe, expect, it } from 'vitest';
import { IdentityChangeFeed, TenantCache } from '../../api/auth/identity-change-feed.js';

function setup(live = true) {
  const feed = new IdentityChangeFeed('postgres://unused'); // never started: its state is set by hand
  feed.live = live;
  const cache = new TenantCache<string>(feed, 60_000);
  let loads = 0;
  const load = (value = 'v') => async () => {
    loads += 1;
    return `${value}${loads}`;
  };
  return { feed, cache, load, loads: () => loads };
}

describe('TenantCache', () => {
  it('reads through and keeps the value while nothing changes', async () => {
    const { cache, load, loads } = setup();
    expect(await cache.get('t1', 'users', load())).toBe('v1');
    expect(await cache.get('t1', 'users', load())).toBe('v1');
    expect(loads()).toBe(1);
  });

  it('never stores without a live feed (a process that cannot hear changes always reads)', async () => {
    const { cache, load, loads } = setup(false);
    await cache.get('t1', 'users', load());
    await cache.get('t1', 'users', load());
    expect(loads()).toBe(2);
  });

  it("drops only the changed tenant's entries; '*' (undefined) drops all", async () => {
    const { feed, cache, load, loads } = setup();
    await cache.get('t1', 'users', load());
    await cache.get('t2', 'users', load());
    feed.bump('t1');
    expect(await cache.get('t1', 'users', load())).toBe('v3');
    expect(await cache.get('t2', 'users', load())).toBe('v2');
    feed.bump(undefined);
    await cache.get('t2', 'users', load());
    expect(loads()).toBe(4);
  });

  it('does not keep a value whose tenant changed while it was being read', async () => {
    const { feed, cache, loads } = setup();
    let n = 0;
    const racing = async () => {
      n += 1;
      feed.bump('t1'); // a change committed while the query ran
      return `stale${n}`;
    };
    expect(await cache.get('t1', 'users', racing)).toBe('stale1');
    expect(await cache.get('t1', 'users', async () => 'fresh')).toBe('fresh');
    expect(await cache.get('t1', 'users', async () => 'later')).toBe('fresh');
    expect(loads()).toBe(0);
  });

  it('stops serving cached values when the feed goes down', async () => {
    const { feed, cache, load, loads } = setup();
    await cache.get('t1', 'users', load());
    await feed.close(); // what losing the LISTEN connection does too
    expect(feed.live).toBe(false);
    await cache.get('t1', 'users', load());
    expect(loads()).toBe(2);
  });
});
