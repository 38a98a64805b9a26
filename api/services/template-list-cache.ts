// The tenant's template list (5.2), kept serialized per process until the change feed reports a write to
// that tenant's templates (any process, any write path: triggers of migration 2026_12_01_1200). The route
// caches only its default page (what the seed's parameterless call returns), one entry per tenant; other pages
// are read from the database. With the body in memory a warm request
// costs no database round trip (authentication is cached too). One per AppDeps (built in build-deps.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listTemplates } from '../../db/repositories/templates.js';
import type { ChangeTopic } from '../change-feed/change-feed.js';
import { TenantCache } from '../change-feed/tenant-cache.js';
import type { ListPageQuery } from '../../contracts/paging.js';
import { DEFAULT_PAGE, isDefaultPage, type Page, pageOf, trimPage } from '../paging.js';
import { summary } from './template-summary.js';

/** Without a live feed TenantCache never stores, so this only bounds a lost notification's harm. */
const TEMPLATE_LIST_TTL_MS = 60_000;

export class TemplateListCache {
  private cache: TenantCache<string>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly feed?: ChangeTopic,
  ) {
    this.cache = new TenantCache<string>(feed, TEMPLATE_LIST_TTL_MS);
  }

  /** The JSON body of template/list for `tenantId`: `{ total, data, limit, offset, next_after }`. */
  body(tenantId: string, q: ListPageQuery): Promise<string> {
    if (!isDefaultPage(q)) return this.read(tenantId, pageOf(q));
    return this.cache.get(tenantId, 'list', () => this.read(tenantId, DEFAULT_PAGE));
  }

  private async read(tenantId: string, page: Page): Promise<string> {
    const { total, rows } = await listTemplates(this.db, tenantId, page);
    const { data, paging } = trimPage(rows, page);
    return JSON.stringify({ total, data: data.map(summary), ...paging });
  }

  /**
   * After this process changed `tenantId`'s templates itself (committed): its own next list reads the change
   * without waiting for the NOTIFY that other processes act on.
   */
  changed(tenantId: string): void {
    this.feed?.bump(tenantId);
  }

  /** Drops every cached list (shutdown). */
  close(): void {
    this.cache = new TenantCache<string>(this.feed, TEMPLATE_LIST_TTL_MS);
  }
}
