// Activities of upload sessions: expiring one (its row, then its S3 multipart upload).
import type { S3Client } from '@aws-sdk/client-s3';
import type { Kysely } from 'kysely';
import type { UploadSessionExpiryInput } from '../contracts/data-workflows.js';
import type { Database } from '../db/database.js';
import * as repo from '../db/repositories/upload-sessions.js';
import { abortMultipart } from '../integrations/s3-multipart.js';

export function createUploadSessionActivities({ db, s3 }: { db: Kysely<Database>; s3: S3Client }) {
  return {
    /**
     * Idempotent: an open session becomes expired and its parts are aborted; a completed one is left alone. A
     * session whose row is gone (its dataset was deleted) or that was aborted still gets its upload aborted
     * (a no-op when S3 no longer knows it).
     */
    async expireUploadSession(input: UploadSessionExpiryInput): Promise<{ aborted: boolean }> {
      await repo.moveUploadSession(db, input.sessionId, ['open'], 'expired');
      const status = await repo.uploadSessionStatus(db, input.sessionId);
      if (status === 'completed') return { aborted: false };
      await abortMultipart(s3, input.bucket, input.key, input.uploadId);
      return { aborted: true };
    },
  };
}
