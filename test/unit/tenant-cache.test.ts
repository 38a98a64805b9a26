// TenantCache: stores only while the change feed is live, drops a tenant's entries when that tenant
// changes, and never keeps a value read while its tenant was changing.
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../api/change-feed/change-feed.js';
import { FEED_CHANNELS, IDENTITY_CHANNEL, TEMPLATES_CHANNEL } from '../../api/change-feed/channels.js';
import { TenantCache } from '../../api/change-feed/tenant-cache.js';

function setup(live = true) {
  const changeFeed = new ChangeFeed('postgres://unused', FEED_CHANNELS); // never started: its state is set by hand
  changeFeed.live = live;
  const feed = changeFeed.topic(IDENTITY_CHANNEL);
  const cache = new TenantCache<string>(feed, 60_000);
  let loads = 0;
  const load =
    (value = 'v') =>
    async () => {
      loads += 1;
      return `${value}${loads}`;
    };
  return { changeFeed, feed, cache, load, loads: () => loads };
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
    const { changeFeed, feed, cache, load, loads } = setup();
    await cache.get('t1', 'users', load());
    await changeFeed.close(); // what losing the LISTEN connection does too
    expect(feed.live).toBe(false);
    await cache.get('t1', 'users', load());
    expect(loads()).toBe(2);
  });

  it("one feed, several channels: a change on one leaves the others' caches as they are", async () => {
    const { changeFeed, cache, load, loads } = setup();
    const templates = new TenantCache<string>(changeFeed.topic(TEMPLATES_CHANNEL), 60_000);
    await cache.get('t1', 'users', load());
    expect(await templates.get('t1', 'list', load('tpl'))).toBe('tpl2');
    changeFeed.topic(TEMPLATES_CHANNEL).deliver('t1'); // as a NOTIFY templates_changed 't1' does
    expect(await cache.get('t1', 'users', load())).toBe('v1');
    expect(await templates.get('t1', 'list', load('tpl'))).toBe('tpl3');
    changeFeed.topic(IDENTITY_CHANNEL).deliver('*');
    expect(await templates.get('t1', 'list', load('tpl'))).toBe('tpl3');
    expect(await cache.get('t1', 'users', load())).toBe('v4');
    expect(loads()).toBe(4);
  });

  it("losing the feed stops every channel's cache", async () => {
    const { changeFeed, load, loads } = setup();
    const templates = new TenantCache<string>(changeFeed.topic(TEMPLATES_CHANNEL), 60_000);
    await templates.get('t1', 'list', load());
    await changeFeed.close();
    await templates.get('t1', 'list', load());
    expect(loads()).toBe(2);
  });

  it('refuses a channel it does not listen to', () => {
    expect(() => new ChangeFeed('postgres://unused', [IDENTITY_CHANNEL]).topic(TEMPLATES_CHANNEL)).toThrow(/does not listen/);
  });
});
