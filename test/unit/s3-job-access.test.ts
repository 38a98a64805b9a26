// config/s3-job-access.ts: every job module has exactly one identity, and the files built from the table agree.
// (What SeaweedFS enforces with them: test/integration/ray-job-secrets.test.ts.)
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOB_S3_ACCESS, jobSecretsFile, newJobCredentials, seaweedIdentities } from '../../config/s3-job-access.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const jobModules = readdirSync(path.join(ROOT, 'ml/dataml_jobs/jobs'))
  .filter((f) => f.endsWith('.py') && f !== '__init__.py')
  .map((f) => f.slice(0, -3))
  .sort();

describe('S3 identities per job type', () => {
  it('gives every job module (ml/dataml_jobs/jobs) exactly one group', () => {
    const assigned = Object.values(JOB_S3_ACCESS).flatMap((g) => g.jobs);
    expect([...assigned].sort()).toEqual(jobModules);
  });

  it('writes a secrets section per job type holding its group identity keys, and no shared flat keys', () => {
    const creds = newJobCredentials();
    const secrets = jobSecretsFile(creds);
    const config = seaweedIdentities({ accessKey: 'admin', secretKey: 'admin-secret' }, creds, { files: 'f', lake: 'l' });
    expect(Object.keys(secrets)).toEqual(['jobs']);
    expect(Object.keys(secrets.jobs).sort()).toEqual(jobModules);
    const identityOf = (key: string) => config.identities.find((i) => i.credentials.some((c) => c.accessKey === key));
    expect(identityOf(secrets.jobs.train.s3_access_key_id)?.name).toBe('dataml-job-train');
    expect(identityOf(secrets.jobs.validate.s3_access_key_id)?.name).toBe('dataml-job-ingest');
    expect(secrets.jobs.validate.iceberg_credential).toBe(`${creds.ingest.accessKey}:${creds.ingest.secretKey}`);
    // Only the admin identity has unscoped actions.
    const unscoped = config.identities.filter((i) => i.actions.some((a) => !a.includes(':')));
    expect(unscoped.map((i) => i.name)).toEqual(['dataml-admin']);
  });

  it('grants the read-only groups no write and nothing but their prefixes in the files bucket', () => {
    const creds = newJobCredentials();
    const actions = (name: string) =>
      seaweedIdentities({ accessKey: 'a', secretKey: 's' }, creds, { files: 'f', lake: 'l' }).identities.find((i) => i.name === name)
        ?.actions ?? [];
    expect(actions('dataml-job-analyse').filter((a) => /^(Write|s3tables:(Create|Update|Delete))/.test(a))).toEqual([]);
    expect(actions('dataml-job-train')).toContain('Write:f/tenants/*/models/*');
    expect(actions('dataml-job-train')).not.toContain('Write:l');
    expect(actions('dataml-job-ingest')).not.toContain('s3tables:Delete*:l');
    expect(actions('dataml-job-lake-cleanup')).toContain('s3tables:Delete*:l');
    for (const i of ['analyse', 'train', 'ingest', 'predict', 'drift', 'lake-cleanup']) {
      expect(
        actions(`dataml-job-${i}`)
          .filter((a) => a.startsWith('Read:f') || a.startsWith('Write:f'))
          .every((a) => a.startsWith('Read:f/') || a.startsWith('Write:f/')),
      ).toBe(true);
    }
  });
});
