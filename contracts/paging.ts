import { z } from '@hono/zod-openapi';
import { queryInt } from './common.js';

// The one paging rule of every list endpoint (jobs keep their own older limit/offset defaults). The seed's
// lists take no parameters and return everything; the default page is large enough that a tenant of normal
// size still gets exactly that, while a tenant with 10,000 rows gets a bounded page and `total`.

/** Rows per page when the caller does not say: every list of a tenant of normal size fits in one. */
export const PAGE_DEFAULT_LIMIT = 1000;
/** The largest page a caller may ask for: bounds the memory and time of one list request. */
export const PAGE_MAX_LIMIT = 1000;

export const ListPageQuery = z.object({
  limit: queryInt(z.number().int().min(1).max(PAGE_MAX_LIMIT))
    .optional()
    .openapi({ description: `Rows per page (default ${PAGE_DEFAULT_LIMIT}, at most ${PAGE_MAX_LIMIT})`, example: 100 }),
  offset: queryInt(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .optional()
    .openapi({ description: 'Rows to skip (after `after` when both are given)', example: 0 }),
  after: queryInt(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .optional()
    .openapi({
      description:
        "Keyset cursor: only rows whose id is greater (pass the previous page's `next_after`). Stable while rows are " +
        'inserted or deleted, unlike `offset`.',
      example: 61,
    }),
});
export type ListPageQuery = z.infer<typeof ListPageQuery>;

/** The paging fields a list answer carries beside the seed's shape (always sent; optional so the seed's samples stay valid). */
export const PageFields = {
  limit: z.number().int().positive().optional().openapi({ description: 'The page size used' }),
  offset: z.number().int().nonnegative().optional(),
  next_after: z.number().int().nullable().optional().openapi({ description: 'Pass as `after` for the next page; null on the last page' }),
};

/** Headers of a list whose seed shape is a bare array (6.3): the same information as PageFields. */
export const PageHeaders = z.object({
  'X-Total-Count': z.string().openapi({ description: 'Rows matching, over all pages' }),
  'X-Next-After': z.string().optional().openapi({ description: 'Pass as `after` for the next page; absent on the last page' }),
});
