// How a list query reads one page (the rule itself is api/paging.ts): keyset on the table's serial id, in id
// order, one row more than the page so the caller can tell whether another page follows. Ids only grow, so a
// row inserted while a client pages appears after the rows it has seen and never shifts them.
import { type SelectQueryBuilder, sql } from 'kysely';

export interface Page {
  limit: number;
  offset: number;
  /** Keyset cursor: only ids greater than this. */
  after: number | null;
}

/** `q` ordered by `idColumn`, from `page.after`, `page.offset` rows skipped, `page.limit + 1` rows at most. */
export function windowById<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>, idColumn: string, page: Page) {
  const id = sql.ref(idColumn);
  const from = page.after === null ? q : q.where(sql<boolean>`${id} > ${page.after}`);
  return from
    .orderBy(id)
    .limit(page.limit + 1)
    .offset(page.offset);
}
