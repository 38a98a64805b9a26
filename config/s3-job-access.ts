// Least-privilege S3 and catalog credentials per Ray job type (docs/scaling.md "Secrets in Ray jobs"): the one
// table of which job type gets which SeaweedFS identity, and the two files built from it — SeaweedFS's
// identities config (`weed ... -s3.config`) and the jobs' secrets file (RAY_JOB_SECRETS_FILE, one section per
// job type, read by ml/dataml_jobs/common/settings.py). Used by the local stack (scripts/stack/components.ts)
// and by `npm run s3:job-identities` for Compose and Kubernetes.
import { randomBytes } from 'node:crypto';
import { jobKeyPatterns } from '../api/storage/keys.js';

/** What a group of jobs may do in the lake (the Iceberg table bucket: its files over S3 and its catalog). */
type LakeAccess = 'read' | 'write' | 'delete';

interface JobGroup {
  /** Job types (modules of ml/dataml_jobs/jobs) that share this identity. */
  jobs: readonly string[];
  lake: LakeAccess;
  /** Key patterns (api/storage/keys.ts) of the files bucket. Every group also reads staged job inputs. */
  filesRead: readonly string[];
  filesWrite: readonly string[];
}

const K = jobKeyPatterns;

/** Which job type gets which identity, and what the identity may do. */
export const JOB_S3_ACCESS = {
  // Reads an upload (raw CSV), writes its rows to a silver table (creating it); the lake probe writes one table.
  ingest: { jobs: ['validate', 'lake_probe'], lake: 'write', filesRead: [K.rawFiles], filesWrite: [] },
  // Removes deleted files' rows and purges deleted datasets' tables.
  'lake-cleanup': { jobs: ['lake_cleanup'], lake: 'delete', filesRead: [], filesWrite: [] },
  // Reads a table, writes a model's artifacts (and reads a parent's, or its own for the ONNX copy).
  train: { jobs: ['train', 'onnx'], lake: 'read', filesRead: [K.models], filesWrite: [K.models] },
  // Reads a table and a model; writes the gold output table and its CSV (pyarrow reads the CSV's size back).
  predict: { jobs: ['predict'], lake: 'write', filesRead: [K.models, K.predictions], filesWrite: [K.predictions] },
  // Reads a model and the run's exported samples, appends them to the version's gold table.
  drift: { jobs: ['drift'], lake: 'write', filesRead: [K.models, K.driftSamples], filesWrite: [] },
  // Read only: column statistics, SHAP explanations (a model and a table), the no-op probe job.
  analyse: { jobs: ['statistics', 'shap', 'noop'], lake: 'read', filesRead: [K.models], filesWrite: [] },
} as const satisfies Record<string, JobGroup>;

export type JobGroupName = keyof typeof JOB_S3_ACCESS;

export interface S3Credential {
  accessKey: string;
  secretKey: string;
}

export interface Buckets {
  files: string;
  lake: string;
}

/** SeaweedFS identity actions (weed/s3api/auth_credentials.go CanDo, s3tables/permissions.go) of one group. */
export function identityActions(group: JobGroup, b: Buckets): string[] {
  const lake = [`Read:${b.lake}`, `List:${b.lake}`, `s3tables:Get*:${b.lake}`, `s3tables:List*:${b.lake}`];
  if (group.lake !== 'read') lake.push(`Write:${b.lake}`, `s3tables:Create*:${b.lake}`, `s3tables:Update*:${b.lake}`);
  if (group.lake === 'delete') lake.push(`s3tables:Delete*:${b.lake}`);
  return [
    ...lake,
    ...[K.jobInputs, ...group.filesRead].map((p) => `Read:${b.files}/${p}`),
    ...group.filesWrite.map((p) => `Write:${b.files}/${p}`),
  ];
}

/** A fresh key pair per group (the S3 access key is also the catalog's OAuth client id). */
export function newJobCredentials(): Record<JobGroupName, S3Credential> {
  return Object.fromEntries(
    Object.keys(JOB_S3_ACCESS).map((g) => [g, { accessKey: `dataml-job-${g}`, secretKey: randomBytes(24).toString('base64url') }]),
  ) as Record<JobGroupName, S3Credential>;
}

/** SeaweedFS's `-s3.config`: the platform's admin identity (API and worker) and one identity per job group. */
export function seaweedIdentities(admin: S3Credential, jobs: Record<JobGroupName, S3Credential>, b: Buckets) {
  return {
    identities: [
      { name: 'dataml-admin', credentials: [admin], actions: ['Admin', 'Read', 'List', 'Tagging', 'Write'] },
      ...Object.entries(JOB_S3_ACCESS).map(([g, group]) => ({
        name: `dataml-job-${g}`,
        credentials: [jobs[g as JobGroupName]],
        actions: identityActions(group, b),
      })),
    ],
  };
}

/** The Ray jobs' secrets file: `{"jobs": {<job type>: {s3_access_key_id, s3_secret_access_key, iceberg_credential}}}`. */
export function jobSecretsFile(jobs: Record<JobGroupName, S3Credential>) {
  const sections: Record<string, Record<string, string>> = {};
  for (const [g, group] of Object.entries(JOB_S3_ACCESS)) {
    const c = jobs[g as JobGroupName];
    for (const job of group.jobs) {
      sections[job] = {
        s3_access_key_id: c.accessKey,
        s3_secret_access_key: c.secretKey,
        iceberg_credential: `${c.accessKey}:${c.secretKey}`,
      };
    }
  }
  return { jobs: sections };
}
