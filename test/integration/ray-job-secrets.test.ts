// Ray jobs get the S3 and catalog credentials from the secrets file on the Ray nodes (RAY_JOB_SECRETS_FILE,
// written by the stack), not as environment variables: Ray's Jobs API shows every job's environment to any
// client that can reach it (it masks the values only for browsers). The job still reaches S3 and the catalog (it writes its Iceberg table).
import { describe, expect, it } from 'vitest';
import { appWithWorker } from '../support/app-with-worker.js';
import { probeInput, rayJobsOf, startProbe } from '../support/probe.js';

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
});
