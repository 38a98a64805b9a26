// Ray jobs get the S3 and catalog credentials from the secrets file on the Ray nodes (RAY_JOB_SECRETS_FILE,
// written by the stack), not as environment variables: the Ray dashboard shows every job's environment to
// anyone who can open it. The job still reaches S3 and the catalog (it writes its Iceberg table).
import { describe, expect, it } from 'vitest';
import { appWithWorker } from '../support/app-with-worker.js';
import { probeInput, rayJobsOf, startProbe } from '../support/probe.js';

describe('Ray job credentials', () => {
  const stack = appWithWorker();

  it('reach the job through the secrets file, never through its dashboard-visible environment', async () => {
    const { t } = stack;
    expect(t.config.ray.jobSecretsFile, 'the stack sets RAY_JOB_SECRETS_FILE').toBeTruthy();
    const handle = await startProbe(t.deps.temporal, t.config, probeInput({ rows: 5 }));
    const result = await handle.result();
    expect(result.snapshot_id).toBeTruthy();
    const [job] = await rayJobsOf(t.config.ray.address, handle.workflowId);
    // What the dashboard serves about the job (its details page reads the same API).
    const shown = await (await fetch(`${t.config.ray.address}/api/jobs/${job!.submission_id}`)).json();
    const env = (shown as { runtime_env?: { env_vars?: Record<string, string> } }).runtime_env?.env_vars ?? {};
    expect(env.DATAML_SECRETS_FILE).toBe(t.config.ray.jobSecretsFile);
    expect(env.DATAML_S3_ENDPOINT).toBe(t.config.s3.endpoint);
    const text = JSON.stringify(shown);
    expect(text).not.toContain(t.config.s3.secretAccessKey);
    expect(text).not.toContain(t.config.iceberg.credential);
  });
});
