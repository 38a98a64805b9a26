// The tenant's user list (2.2), kept serialized per process until the identity change feed reports a
// change to that tenant's users (any process, any write path). Listing users is the hottest identity
// read (admin screens poll it), and without this every call is a database round trip.
import { listTenantUsers } from '../../../db/repositories/users.js';
import { IDENTITY_CHANNEL } from '../../change-feed/channels.js';
import { TenantCache } from '../../change-feed/tenant-cache.js';
import type { AppDeps } from '../../deps.js';

/** Without a live feed TenantCache never stores, so this only bounds a lost notification's harm. */
const USER_LIST_TTL_MS = 60_000;

const caches = new WeakMap<object, TenantCache<string>>();

/** The JSON body of read-users for `tenantId`: `{ data, count }`. */
export function userListBody(deps: Pick<AppDeps, 'db' | 'changeFeed'>, tenantId: string): Promise<string> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new TenantCache<string>(deps.changeFeed?.topic(IDENTITY_CHANNEL), USER_LIST_TTL_MS);
    caches.set(deps, cache);
  }
  return cache.get(tenantId, 'users', async () => {
    const users = await listTenantUsers(deps.db, tenantId);
    return JSON.stringify({ data: users, count: users.length });
  });
}
