// Writes the two secret files of a deployment (Compose, Kubernetes) from config/s3-job-access.ts:
//   <dir>/seaweedfs-identities.json  SeaweedFS's -s3.config: the admin identity (S3_ACCESS_KEY_ID /
//                                    S3_SECRET_ACCESS_KEY, the API's and the worker's) and one identity per job group
//   <dir>/ray-job-secrets.json       the Ray jobs' RAY_JOB_SECRETS_FILE, one section per job type
// Usage: S3_ACCESS_KEY_ID=… S3_SECRET_ACCESS_KEY=… npm run s3:job-identities -- [dir (default .secrets)]
// Every run makes new job keys: give both files out together (and restart SeaweedFS to load the first).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jobSecretsFile, newJobCredentials, seaweedIdentities } from '../config/s3-job-access.js';

const dir = path.resolve(process.argv[2] ?? '.secrets');
const accessKey = process.env.S3_ACCESS_KEY_ID;
const secretKey = process.env.S3_SECRET_ACCESS_KEY;
if (!accessKey || !secretKey) {
  console.error('Set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (the admin identity of the API and the worker).');
  process.exit(2);
}
const buckets = {
  files: process.env.S3_BUCKET ?? 'dataml-files',
  lake: new URL(process.env.ICEBERG_WAREHOUSE ?? 's3://dataml-lake/').host,
};
const jobs = newJobCredentials();
mkdirSync(dir, { recursive: true, mode: 0o700 });
const write = (name: string, body: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  console.log(file);
};
write('seaweedfs-identities.json', seaweedIdentities({ accessKey, secretKey }, jobs, buckets));
write('ray-job-secrets.json', jobSecretsFile(jobs));
