// The tenant's template list (5.2), kept serialized per process until the change feed reports a write to
// that tenant's templates (any process, any write path: triggers of migration 2026_12_01_1200). The route
// takes no parameters, so the whole body is one entry per tenant. Issue 10: with the body in memory a
// warm request costs no database round trip (authentication is cached too).
import { listTemplates } from '../../../db/repositories/templates.js';
import { TEMPLATES_CHANNEL } from '../../change-feed/channels.js';
import { TenantCache } from '../../change-feed/tenant-cache.js';
import type { AppDeps } from '../../deps.js';
import { summary } from './template-summary.js';

/** Without a live feed TenantCache never stores, so this only bounds a lost notification's harm. */
const TEMPLATE_LIST_TTL_MS = 60_000;

type Deps = Pick<AppDeps, 'db' | 'changeFeed'>;

const caches = new WeakMap<object, TenantCache<string>>();

/** The JSON body of template/list for `tenantId`: `{ total, data }`. */
export function templateListBody(deps: Deps, tenantId: string): Promise<string> {
  let cache = caches.get(deps);
  if (!cache) {
    cache = new TenantCache<string>(deps.changeFeed?.topic(TEMPLATES_CHANNEL), TEMPLATE_LIST_TTL_MS);
    caches.set(deps, cache);
  }
  return cache.get(tenantId, 'list', async () => {
    const rows = await listTemplates(deps.db, tenantId);
    return JSON.stringify({ total: rows.length, data: rows.map(summary) });
  });
}

/**
 * After this process changed `tenantId`'s templates itself (committed): its own next list reads the change
 * without waiting for the NOTIFY that other processes act on.
 */
export function templatesChanged(deps: Deps, tenantId: string): void {
  deps.changeFeed?.topic(TEMPLATES_CHANNEL).bump(tenantId);
}
