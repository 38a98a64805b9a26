// Ray jobs get the S3 and catalog credentials from the secrets file on the Ray nodes (RAY_JOB_SECRETS_FILE,
// written by the stack), not as environment variables: Ray's Jobs API shows every job's environment to any
// client that can reach it (it masks the values only for browsers). The job still reaches S3 and the catalog (it writes its Iceberg table).
//
// Each job type reads its own section of that file: a SeaweedFS identity allowed only what its job group needs
// (config/s3-job-access.ts). The second test shows SeaweedFS enforcing it, on S3 and on the Iceberg catalog.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelArtifactPrefix, rawFileKey } from '../../api/storage/keys.js';
import { appWithWorker } from '../support/app-with-worker.js';
import { probeInput, rayJobsOf, startProbe } from '../support/probe.js';

interface JobSecrets {
  s3_access_key_id: string;
  s3_secret_access_key: string;
}

/** The error name S3 answers a request with, or 'ok'. */
async function outcome(s3: S3Client, command: PutObjectCommand | GetObjectCommand | DeleteObjectCommand): Promise<string> {
  try {
    const out = await s3.send(command as never);
    await (out as { Body?: { transformToByteArray(): Promise<unknown> } }).Body?.transformToByteArray();
    return 'ok';
  } catch (err) {
    return (err as { name?: string }).name ?? String(err);
  }
}

describe('Ray job credentials', () => {
  const stack = appWithWorker();

  it('reach the job through the secrets file, never through its environment shown by the Jobs API', async () => {
    const { t } = stack;
    expect(t.config.ray.jobSecretsFile, 'the stack sets RAY_JOB_SECRETS_FILE').toBeTruthy();
    const handle = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 5 }));
    const result = await handle.result();
    expect(result.snapshot_id).toBeTruthy();
    // What the Jobs API tells any client that is not a browser (the `ray job` CLI, curl, a script): Ray 2.60
    // masks environment values for browsers only (the dashboard), so this is what an attacker on the network sees.
    const [shown] = await rayJobsOf(t.config.ray.address, handle.workflowId);
    const env = (shown as unknown as { runtime_env?: { env_vars?: Record<string, string> } }).runtime_env?.env_vars ?? {};
    expect(env.DATAML_SECRETS_FILE).toBe(t.config.ray.jobSecretsFile);
    expect(env.DATAML_S3_ENDPOINT).toBe(t.config.s3.endpoint);
    const text = JSON.stringify(shown);
    expect(text).not.toContain(t.config.s3.secretAccessKey);
    expect(text).not.toContain(t.config.iceberg.credential);
  });

  it('give each job type only its own S3 and catalog rights, enforced by SeaweedFS', { timeout: 120_000 }, async () => {
    const { t } = stack;
    const sections = (JSON.parse(readFileSync(t.config.ray.jobSecretsFile as string, 'utf8')) as { jobs: Record<string, JobSecrets> }).jobs;
    // The stack writes no flat (shared) keys: a job type without a section cannot run with someone else's.
    expect(Object.keys(sections)).toEqual(expect.arrayContaining(['validate', 'train', 'predict', 'lake_probe', 'lake_cleanup']));
    expect(sections.train.s3_access_key_id).not.toBe(t.config.s3.accessKeyId);
    const client = (c: { accessKeyId: string; secretAccessKey: string }) =>
      new S3Client({ endpoint: t.config.s3.endpoint, region: t.config.s3.region, forcePathStyle: true, credentials: c, maxAttempts: 1 });
    const asJob = (job: string) =>
      client({ accessKeyId: sections[job].s3_access_key_id, secretAccessKey: sections[job].s3_secret_access_key });
    const admin = client(t.config.s3);
    const train = asJob('train');
    const validate = asJob('validate');
    const files = t.config.s3.bucket;
    const lake = new URL(t.config.iceberg.warehouse).host;
    try {
      // The lake probe job (group `ingest`) writes its table with its own keys.
      const probe = probeInput({ rows: 5 });
      const result = await (await startProbe(t.deps.temporal, t.config, probe)).result();
      const [namespace, tableName] = String(result.table).split('.');

      const raw = rawFileKey('t-acl', 1, 1, 'upload.csv');
      const model = `${modelArtifactPrefix('t-acl', 1, 1)}/model.joblib`;
      const put = (Key: string) => new PutObjectCommand({ Bucket: files, Key, Body: 'a,b\n1,2\n' });
      expect(await outcome(admin, put(raw))).toBe('ok');
      expect(await outcome(admin, put(model))).toBe('ok');

      // Training: no raw uploads (neither overwrite, delete nor read); its own model artifacts yes.
      expect(await outcome(train, put(raw))).toBe('AccessDenied');
      expect(await outcome(train, new DeleteObjectCommand({ Bucket: files, Key: raw }))).toBe('AccessDenied');
      expect(await outcome(train, new GetObjectCommand({ Bucket: files, Key: raw }))).toBe('AccessDenied');
      expect(await outcome(train, new GetObjectCommand({ Bucket: files, Key: model }))).toBe('ok');
      expect(await outcome(train, put(`${modelArtifactPrefix('t-acl', 1, 2)}/model.joblib`))).toBe('ok');
      // Validation: reads raw uploads, writes no model artifact.
      expect(await outcome(validate, new GetObjectCommand({ Bucket: files, Key: raw }))).toBe('ok');
      expect(await outcome(validate, put(`${modelArtifactPrefix('t-acl', 1, 3)}/model.joblib`))).toBe('AccessDenied');

      // The lake over S3: training reads the probe's data file, cannot write beside it nor delete it.
      const listed = await admin.send(new ListObjectsV2Command({ Bucket: lake, Prefix: `${namespace}/${tableName}/data/` }));
      const dataKey = listed.Contents?.[0]?.Key as string;
      expect(dataKey, 'the probe wrote a data file').toBeTruthy();
      expect(await outcome(train, new GetObjectCommand({ Bucket: lake, Key: dataKey }))).toBe('ok');
      expect(await outcome(train, new PutObjectCommand({ Bucket: lake, Key: dataKey.replace(/[^/]+$/, 'x.parquet'), Body: 'x' }))).toBe(
        'AccessDenied',
      );
      expect(await outcome(train, new DeleteObjectCommand({ Bucket: lake, Key: dataKey }))).toBe('AccessDenied');

      // The lake's catalog (its OAuth client credential is the same identity): training loads the table, creates nothing.
      const token = async (job: string) => {
        const res = await fetch(`${t.config.iceberg.catalogUri}/v1/oauth/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: sections[job].s3_access_key_id,
            client_secret: sections[job].s3_secret_access_key,
          }),
        });
        expect(res.status).toBe(200);
        return {
          authorization: `Bearer ${((await res.json()) as { access_token: string }).access_token}`,
          'content-type': 'application/json',
        };
      };
      const trainAuth = await token('train');
      const load = await fetch(`${t.config.iceberg.catalogUri}/v1/namespaces/${namespace}/tables/${tableName}`, { headers: trainAuth });
      expect(load.status).toBe(200);
      const create = await fetch(`${t.config.iceberg.catalogUri}/v1/namespaces`, {
        method: 'POST',
        headers: trainAuth,
        body: JSON.stringify({ namespace: [`acl_${probe.probeId}`] }),
      });
      expect(create.status).toBe(403);
      const drop = await fetch(`${t.config.iceberg.catalogUri}/v1/namespaces/${namespace}/tables/${tableName}`, {
        method: 'DELETE',
        headers: trainAuth,
      });
      expect(drop.status).toBeGreaterThanOrEqual(400);
      expect(
        (await fetch(`${t.config.iceberg.catalogUri}/v1/namespaces/${namespace}/tables/${tableName}`, { headers: trainAuth })).status,
      ).toBe(200);
    } finally {
      for (const c of [admin, train, validate]) c.destroy();
    }
  });
});
