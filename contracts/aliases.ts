import { z } from '@hono/zod-openapi';
import { IdParam, IntId, Timestamp } from './common.js';

// Aliases of a predictor (issue 15): `champion`, `challenger` or any name → one of its versions (a train_id).

/** Alias names: a letter, then letters, digits, `_` or `-` (case-insensitive, stored lower-case). Never `@`. */
export const ALIAS_NAME_PATTERN = '[A-Za-z][A-Za-z0-9_-]{0,62}';
export const AliasName = z
  .string()
  .regex(new RegExp(`^${ALIAS_NAME_PATTERN}$`), 'a letter, then up to 62 letters, digits, "_" or "-"')
  .transform((s) => s.toLowerCase())
  .openapi({ example: 'champion' });

/**
 * A model version named by alias, `<predictor_name>@<alias>` (e.g. `churn@champion`), wherever 9.1–9.4 take a
 * train_id. Ids are digits only and alias names never contain `@`, so the two spellings cannot collide; the
 * predictor is what precedes the last `@`.
 */
export const AliasRef = z
  .string()
  .regex(new RegExp(`^.{1,255}@${ALIAS_NAME_PATTERN}$`), 'a train_id, or "<predictor_name>@<alias>"')
  .openapi({ example: 'churn@champion' });

/** A train_id or an alias reference, in a JSON body. */
export const ModelRef = z.union([IntId, AliasRef]).openapi({ example: 19 });
/** A train_id or an alias reference, as a query parameter. */
export const ModelRefParam = z.union([IdParam, AliasRef]).openapi({ example: 19 });
export type ModelRef = z.infer<typeof ModelRef>;

export const PredictorParams = z.object({
  predictor_name: z
    .string()
    .min(1)
    .max(255)
    .openapi({ param: { name: 'predictor_name', in: 'path' }, example: 'churn_v1' }),
});
export const AliasParams = PredictorParams.extend({
  alias: AliasName.openapi({ param: { name: 'alias', in: 'path' }, example: 'champion' }),
});

export const SetAliasBody = z
  .object({
    train_id: IntId,
    reason: z.string().max(1000).optional().openapi({ example: 'beats v3 on the holdout' }),
  })
  .openapi('SetAliasBody');
export type SetAliasBody = z.infer<typeof SetAliasBody>;

export const Alias = z
  .object({
    alias: z.string(),
    train_id: IntId,
    version: z.number().int(),
    /** What 9.1–9.4 accept for it. */
    ref: z.string().openapi({ example: 'churn_v1@champion' }),
    updated_by: z.string(),
    updated_at: Timestamp,
  })
  .openapi('ModelAlias');

export const ListAliasesResponse = z.object({ predictor_name: z.string(), data: z.array(Alias) }).openapi('ListAliasesResponse');

export const SetAliasResponse = z
  .object({
    alias: z.string(),
    ref: z.string(),
    train_id: IntId,
    /** The version it pointed at before (null: the alias is new). */
    previous_train_id: IntId.nullable(),
  })
  .openapi('SetAliasResponse');

export const DeleteAliasResponse = z
  .object({ alias: z.string(), previous_train_id: IntId, message: z.string() })
  .openapi('DeleteAliasResponse');

export const AliasEvent = z
  .object({
    id: IntId,
    alias: z.string(),
    action: z.enum(['set', 'move', 'delete']),
    from_train_id: IntId.nullable(),
    to_train_id: IntId.nullable(),
    username: z.string(),
    reason: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi('ModelAliasEvent');

export const ListAliasEventsResponse = z
  .object({ predictor_name: z.string(), data: z.array(AliasEvent) })
  .openapi('ListAliasEventsResponse');

/** Path parameter of the export: a train_id or `<predictor_name>@<alias>`. */
export const ExportParams = z.object({
  train_id: ModelRefParam.openapi({ param: { name: 'train_id', in: 'path' }, example: 19 }),
});
