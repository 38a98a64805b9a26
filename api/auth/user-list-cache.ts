// The tenant's user list (2.2), kept serialized per process until the identity change feed reports a
// change to that tenant's users (any process, any write path). Listing users is the hottest identity
// read (admin screens poll it), and without this every call is a database round trip. One per AppDeps
// (built in build-deps.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listTenantUsers } from '../../db/repositories/users.js';
import type { ChangeTopic } from '../change-feed/change-feed.js';
import { TenantCache } from '../change-feed/tenant-cache.js';

/** Without a live feed TenantCache never stores, so this only bounds a lost notification's harm. */
const USER_LIST_TTL_MS = 60_000;

export class UserListCache {
  private cache: TenantCache<string>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly feed?: ChangeTopic,
  ) {
    this.cache = new TenantCache<string>(feed, USER_LIST_TTL_MS);
  }

  /** The JSON body of read-users for `tenantId`: `{ data, count }`. */
  body(tenantId: string): Promise<string> {
    return this.cache.get(tenantId, 'users', async () => {
      const users = await listTenantUsers(this.db, tenantId);
      return JSON.stringify({ data: users, count: users.length });
    });
  }

  /** Drops every cached list (shutdown). */
  close(): void {
    this.cache = new TenantCache<string>(this.feed, USER_LIST_TTL_MS);
  }
}
