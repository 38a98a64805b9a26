// The Ray Jobs client against a fake HTTP layer (the real one is exercised by the integration tests).
import { describe, expect, it } from 'vitest';
import { jobErrorMessage, RayJobsClient, type RayJobInfo } from '../../integrations/ray-jobs-client.js';

function fakeRay() {
  const jobs = new Map<string, RayJobInfo>();
  const posts: string[] = [];
  const fetchImpl = async (url: string, init: { method?: string; body?: string } = {}) => {
    const reply = (status: number, body: unknown) => ({
      status,
      ok: status < 300,
      text: async () => JSON.stringify(body),
      json: async () => body,
    });
    const id = decodeURIComponent(url.split('/api/jobs/')[1] ?? '');
    if (init.method === 'POST' && id === '') {
      const req = JSON.parse(init.body!) as { submission_id: string; entrypoint: string };
      posts.push(req.submission_id);
      if (jobs.has(req.submission_id)) return reply(400, { error: 'already exists' });
      jobs.set(req.submission_id, { submission_id: req.submission_id, status: 'PENDING', message: null, entrypoint: req.entrypoint });
      return reply(200, { submission_id: req.submission_id });
    }
    const job = jobs.get(id);
    return job ? reply(200, job) : reply(404, {});
  };
  return { client: new RayJobsClient('http://ray', fetchImpl), posts, jobs };
}

describe('RayJobsClient.submitOnce', () => {
  it('submits a new job once and finds it on every later call', async () => {
    const { client, posts } = fakeRay();
    const req = { submissionId: 'train-1--train-abc', entrypoint: 'python -m x', envVars: {}, metadata: {} };
    expect((await client.submitOnce(req)).created).toBe(true);
    expect((await client.submitOnce(req)).created).toBe(false);
    expect(posts).toEqual(['train-1--train-abc']);
  });

  it('treats losing a submission race as success', async () => {
    const { client, jobs } = fakeRay();
    const req = { submissionId: 'x', entrypoint: 'e', envVars: {}, metadata: {} };
    // Another attempt created it between our GET and our POST.
    const realGet = client.get.bind(client);
    let first = true;
    client.get = async (id: string) => {
      if (first) {
        first = false;
        jobs.set('x', { submission_id: 'x', status: 'RUNNING', message: null, entrypoint: 'e' });
        return null;
      }
      return realGet(id);
    };
    const out = await client.submitOnce(req);
    expect(out.created).toBe(false);
    expect(out.job.status).toBe('RUNNING');
  });
});

describe('jobErrorMessage', () => {
  const info: RayJobInfo = {
    submission_id: 's',
    status: 'FAILED',
    message: 'Job entrypoint command failed with exit code 1',
    entrypoint: 'e',
  };
  it('takes the last exception line of the log', () => {
    const logs = 'Traceback (most recent call last):\n  File "x.py", line 3\nValueError: first\nsome noise\nKeyError: \'target\'\n';
    expect(jobErrorMessage(info, logs)).toBe("KeyError: 'target'");
  });
  it("falls back to Ray's message", () => {
    expect(jobErrorMessage(info, 'no exception here')).toBe('Job entrypoint command failed with exit code 1');
  });
});
