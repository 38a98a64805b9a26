// The tenant's user list (2.2), kept serialized per process until the identity change feed reports a
// change to that tenant's users (any process, any write path). Listing users is the hottest identity
// read (admin screens poll it), and without this every call is a database round trip. One per AppDeps
// (built in build-deps.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ListPageQuery } from '../../contracts/paging.js';
import { listTenantUsers } from '../../db/repositories/users.js';
import type { ChangeTopic } from '../change-feed/change-feed.js';
import { TenantCache } from '../change-feed/tenant-cache.js';
import { DEFAULT_PAGE, isDefaultPage, type Page, pageOf, trimPage } from '../paging.js';

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

  /** The JSON body of read-users for `tenantId`: `{ data, count, limit, offset, next_after }`; only the default page is cached. */
  body(tenantId: string, q: ListPageQuery): Promise<string> {
    if (!isDefaultPage(q)) return this.read(tenantId, pageOf(q));
    return this.cache.get(tenantId, 'users', () => this.read(tenantId, DEFAULT_PAGE));
  }

  private async read(tenantId: string, page: Page): Promise<string> {
    const { total, rows } = await listTenantUsers(this.db, tenantId, page);
    const { data, paging } = trimPage(rows, page);
    return JSON.stringify({ data, count: total, ...paging });
  }

  /** Drops every cached list (shutdown). */
  close(): void {
    this.cache = new TenantCache<string>(this.feed, USER_LIST_TTL_MS);
  }
}
