// Resolves `<predictor_name>@<alias>` to a train_id for 9.1–9.4. Each API process keeps every alias of the tenants
// it served in memory, refreshed by the change feed (aliases_changed, sent by a trigger on every write): on a
// notification it reads the tenant's aliases again and loads each newly targeted model (its row and its ONNX
// session) BEFORE the new mapping replaces the old one, so requests keep being answered by the old version until
// the new one is ready and no request waits on, or fails in, the switch. While the feed is down every resolution
// reads the database (one indexed query), so a process that cannot hear changes never serves a stale alias.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.js';
import * as repo from '../../db/repositories/model-aliases.js';
import type { ChangeTopic } from '../change-feed/change-feed.js';

type Targets = Map<string, number>;
interface TenantAliases {
  targets: Targets;
  /** The topic generation the targets were read at. */
  generation: number;
  refreshing: Promise<void> | null;
  /** A notification arrived while refreshing: read again afterwards. */
  dirty: boolean;
}

const keyOf = (predictor: string, alias: string) => `${predictor.toLowerCase()}\u0000${alias.toLowerCase()}`;

/** Splits an alias reference at its last `@` (alias names never contain one). */
export function parseAliasRef(ref: string): { predictor: string; alias: string } {
  const at = ref.lastIndexOf('@');
  return { predictor: ref.slice(0, at), alias: ref.slice(at + 1).toLowerCase() };
}

export class ModelAliasResolver {
  private readonly tenants = new Map<string, TenantAliases>();
  private readonly unsubscribe: (() => void) | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly topic: ChangeTopic | undefined,
    /** Makes a model version ready to serve (row read, session loaded); failures are logged, not fatal. */
    private readonly warm: (tenantId: string, trainingId: number) => Promise<void>,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {
    this.unsubscribe = topic?.subscribe((payload) => {
      const affected = payload === '*' ? [...this.tenants.keys()] : this.tenants.has(payload) ? [payload] : [];
      for (const tenant of affected) this.refresh(tenant);
    });
  }

  /** The train_id `ref` names now in the tenant, or undefined when the predictor has no such alias. */
  async resolve(tenantId: string, ref: string): Promise<number | undefined> {
    const { predictor, alias } = parseAliasRef(ref);
    const topic = this.topic;
    if (!topic?.live) return repo.aliasTarget(this.db, tenantId, predictor, alias);
    let entry = this.tenants.get(tenantId);
    if (!entry) {
      entry = { targets: new Map(), generation: -1, refreshing: null, dirty: false };
      this.tenants.set(tenantId, entry);
      if (this.tenants.size > 10_000) this.tenants.clear();
      // Nothing served from this tenant yet: nothing to keep serving while it loads, so no warming either.
      await this.refresh(tenantId, false);
    } else if (entry.generation !== topic.generation(tenantId) && !entry.refreshing) {
      // A change the listener did not act on (the feed went down and came back): catch up in the background.
      void this.refresh(tenantId);
    }
    if (entry.generation === -1) await entry.refreshing;
    return entry.targets.get(keyOf(predictor, alias));
  }

  private refresh(tenantId: string, warmChanged = true): Promise<void> {
    const entry = this.tenants.get(tenantId);
    if (!entry) return Promise.resolve();
    if (entry.refreshing) {
      entry.dirty = true;
      return entry.refreshing;
    }
    const run = async () => {
      do {
        entry.dirty = false;
        const generation = this.topic?.generation(tenantId) ?? -1;
        const rows = await repo.tenantAliasTargets(this.db, tenantId);
        const targets: Targets = new Map(rows.map((r) => [keyOf(r.predictor, r.alias), r.training_id]));
        if (warmChanged) {
          const fresh = new Set<number>();
          for (const [key, id] of targets) if (entry.targets.get(key) !== id) fresh.add(id);
          await Promise.all([...fresh].map((id) => this.warm(tenantId, id).catch((err) => this.warnWarm(id, err))));
        }
        entry.targets = targets;
        entry.generation = generation;
      } while (entry.dirty);
    };
    entry.refreshing = run()
      .catch((err) => {
        // The database is unreachable: forget the tenant, so the next request reads again (and answers 503).
        this.tenants.delete(tenantId);
        throw err;
      })
      .finally(() => {
        entry.refreshing = null;
      });
    // A background refresh's failure is the next request's to report.
    entry.refreshing.catch(() => undefined);
    return entry.refreshing;
  }

  private warnWarm(trainingId: number, err: unknown): void {
    this.log?.warn({ trainingId, err: (err as Error)?.message }, 'could not preload the model an alias now points at');
  }

  close(): void {
    this.unsubscribe?.();
    this.tenants.clear();
  }
}
