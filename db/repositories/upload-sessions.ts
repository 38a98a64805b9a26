// Upload sessions (direct-to-S3 multipart uploads). Every read is scoped by tenant; status changes are
// conditional updates, so a session is completed, expired or aborted exactly once.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { UploadSessionStatus, UploadSessionsTable } from '../tables/uploads.js';

type Db = Kysely<Database> | Transaction<Database>;
export type UploadSessionRow = Selectable<UploadSessionsTable>;

export async function insertUploadSession(
  db: Db,
  s: {
    tenantId: string;
    datasetId: number;
    fileId: number;
    fileName: string;
    key: string;
    uploadId: string;
    size: number;
    partSize: number;
    expiresAt: Date;
    username: string;
  },
): Promise<UploadSessionRow> {
  return db
    .insertInto('upload_sessions')
    .values({
      tenant_id: s.tenantId,
      dataset_id: s.datasetId,
      file_id: s.fileId,
      file_name: s.fileName,
      s3_key: s.key,
      upload_id: s.uploadId,
      size_bytes: s.size,
      part_size: s.partSize,
      expires_at: s.expiresAt,
      created_by: s.username,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUploadSession(db: Db, tenantId: string, id: number): Promise<UploadSessionRow | undefined> {
  return db.selectFrom('upload_sessions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Moves a session from `from` to `to`; false when it was not in `from` (someone else moved it first). */
export async function moveUploadSession(
  db: Db,
  id: number,
  from: UploadSessionStatus[],
  to: UploadSessionStatus,
  extra: { workflow_id?: string } = {},
): Promise<boolean> {
  const r = await db
    .updateTable('upload_sessions')
    .set({ status: to, modified_at: new Date(), ...extra })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The session's status regardless of tenant (the expiry activity); undefined once its dataset is deleted. */
export async function uploadSessionStatus(db: Db, id: number): Promise<UploadSessionStatus | undefined> {
  const r = await db.selectFrom('upload_sessions').select('status').where('id', '=', id).executeTakeFirst();
  return r?.status;
}
