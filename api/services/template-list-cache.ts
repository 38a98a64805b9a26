// The tenant's template list (5.2), kept serialized per process until the change feed reports a write to
// that tenant's templates (any process, any write path: triggers of migration 2026_12_01_1200). The route
// takes no parameters, so the whole body is one entry per tenant. With the body in memory a warm request
// costs no database round trip (authentication is cached too). One per AppDeps (built in build-deps.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listTemplates } from '../../db/repositories/templates.js';
import type { ChangeTopic } from '../change-feed/change-feed.js';
import { TenantCache } from '../change-feed/tenant-cache.js';
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

  /** The JSON body of template/list for `tenantId`: `{ total, data }`. */
  body(tenantId: string): Promise<string> {
    return this.cache.get(tenantId, 'list', async () => {
      const rows = await listTemplates(this.db, tenantId);
      return JSON.stringify({ total: rows.length, data: rows.map(summary) });
    });
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
