// The paging rule of every list endpoint (contracts/paging.ts has its parameters and fields): one page of rows
// read with one row extra (db/repositories/paging.ts), trimmed here, with the cursor of the next page.
import { PAGE_DEFAULT_LIMIT, type ListPageQuery } from '../contracts/paging.js';
import type { Page } from '../db/repositories/paging.js';

export type { Page };

export const DEFAULT_PAGE: Page = { limit: PAGE_DEFAULT_LIMIT, offset: 0, after: null };

export function pageOf(q: ListPageQuery): Page {
  return { limit: q.limit ?? PAGE_DEFAULT_LIMIT, offset: q.offset ?? 0, after: q.after ?? null };
}

/** Whether `q` asks for the first default page (what the seed's parameterless call returns; cacheable). */
export function isDefaultPage(q: ListPageQuery): boolean {
  return q.limit === undefined && q.offset === undefined && q.after === undefined;
}

/** The page's rows out of the `limit + 1` read, and the paging fields of the answer. */
export function trimPage<T extends { id: number }>(rows: T[], page: Page) {
  const more = rows.length > page.limit;
  const data = more ? rows.slice(0, page.limit) : rows;
  return {
    data,
    paging: { limit: page.limit, offset: page.offset, next_after: more ? (data.at(-1)?.id ?? null) : null },
  };
}
