import { z } from '@hono/zod-openapi';
import { ErrorCodeSchema } from './error-codes.js';

// Shared building blocks for the per-module contracts. No I/O.

/**
 * A path/query integer in its canonical decimal spelling only ("61" -> 61). z.coerce.number() would take
 * ' 1', '+1', '1.0', '0x1' or '1e0' as 1; anything but plain digits stays a string here and fails the
 * number check, so it answers 422 like every other invalid field. Beyond 2^53 ids would lose precision.
 */
const strictInt = (v: unknown) => (typeof v === 'string' && /^(?:0|[1-9][0-9]{0,15})$/.test(v) ? Number(v) : v);
export const queryInt = <T extends z.ZodNumber>(schema: T) => z.preprocess(strictInt, schema).openapi({ type: 'integer' });

/** Integer id arriving as a path/query string ("61" -> 61). */
export const IdParam = queryInt(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).openapi({ example: 1 });

/** Integer id inside a JSON body. */
export const IntId = z.number().int().positive().openapi({ example: 1 });

// z.guid() (8-4-4-4-12 hex) rather than z.uuid(): the seed's own 1.2 sample tenant id
// "a1b2c3d4-e5f6-7890-1234-567890abcdef" is not an RFC 9562 variant, and Postgres `uuid` accepts it.
export const TenantId = z.guid().openapi({ example: 'eb128f85-c955-4f2f-b109-0afa1aed409c' });

export const Timestamp = z.iso.datetime({ offset: true }).openapi({ example: '2025-09-18T10:00:00Z' });

// min 8 per the issues; the upper bound only caps hashing cost.
export const Password = z.string().min(8).max(256).openapi({ format: 'password', example: 'Password123!' });

export const Username = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'username may contain only letters, digits, "_", "." and "-"')
  .openapi({ example: 'johndoe' });

/** Names that end up in SQL/paths of the datalake (schema, table, column, Iceberg table). */
export const Identifier = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*)');

/** Non-empty, bounded free-text name (template, dataset, predictor, role...). */
export const Name = z.string().trim().min(1).max(255);

/** Status vocabulary of jobs (training, statistics) as shown in 8.3 `training_status`. */
export const JobStatus = z.enum(['Submitted', 'Running', 'Completed', 'Failed', 'Cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

/** The same vocabulary in the lower-case spelling the seed uses in 8.3, 8.9, 9.5 and 9.6. */
export const JobStatusLower = z.enum(['submitted', 'running', 'completed', 'failed', 'cancelled']);
export type JobStatusLower = z.infer<typeof JobStatusLower>;

/** A scalar cell value (form inputs, previews). */
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;

/** Multipart `files` part(s): Hono yields a File for one part and File[] for several; normalised to File[]. */
export const UploadedFiles = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.instanceof(File).openapi({ type: 'string', format: 'binary' })).min(1, 'at least one file is required'),
);

/** limit/offset for previews (6.6, 7.3). */
export const PageQuery = z.object({
  limit: queryInt(z.number().int().min(1).max(1000)).default(50).openapi({ example: 50 }),
  offset: queryInt(z.number().int().min(0)).default(0).openapi({ example: 0 }),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The one error envelope (api/errors.ts), with `code` any of the documented codes or only some of them. */
export const errorEnvelope = (code: z.ZodType) =>
  z.object({
    error: z.object({ code, message: z.string(), details: z.unknown().optional() }),
    request_id: z.string().optional(),
  });

export const ErrorResponse = errorEnvelope(ErrorCodeSchema).openapi('ErrorResponse');
export type ErrorResponse = z.infer<typeof ErrorResponse>;

// Envelopes the seed uses (Discrepancy 10); each endpoint re-registers one under its own name.

/** `{status: <http code>, message}` (1.4, 1.5). */
export const HttpStatusMessageResponse = z.object({
  status: z.number().int().openapi({ example: 200 }),
  message: z.string(),
});

/** `{status_code, message}` (5.5, 6.4, 7.4, 8.5, 8.12). */
export const StatusCodeMessageResponse = z.object({
  status_code: z.number().int().openapi({ example: 200 }),
  message: z.string(),
});

/** `{status: "success", message}` (8.7, 8.11, 10.1, 12.1). */
export const SuccessMessageResponse = z.object({
  status: z.literal('success'),
  message: z.string(),
});
