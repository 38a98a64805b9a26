// A small client for the Ray Jobs REST API (the dashboard's /api/jobs/): the activities submit, watch and stop
// jobs with it; the API's readiness check asks it for Ray's version.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export type RayJobState = 'PENDING' | 'RUNNING' | 'STOPPED' | 'SUCCEEDED' | 'FAILED';

export interface RayJobInfo {
  submission_id: string;
  status: RayJobState;
  message: string | null;
  entrypoint: string;
  start_time?: number | null;
  end_time?: number | null;
  driver_exit_code?: number | null;
  /** Why Ray failed the job (Ray's JobErrorType), when it says. */
  error_type?: string | null;
  metadata?: Record<string, string> | null;
}

export interface SubmitRequest {
  submissionId: string;
  entrypoint: string;
  envVars: Record<string, string>;
  metadata: Record<string, string>;
  numCpus?: number;
  /** Bytes of Ray's `memory` resource the job reserves (scheduling only; the job enforces its own limit). */
  memoryBytes?: number;
}

/** Every call to the Ray Jobs API ends within this, answer or not (a submission takes well under a second). */
export const RAY_REQUEST_TIMEOUT_MS = 30_000;

/** Ray's dashboard did not answer (down, restarting, or slower than the timeout): retry later. */
export class RayUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `Ray API ${url}: ${(cause as Error)?.name === 'TimeoutError' ? `no answer in ${RAY_REQUEST_TIMEOUT_MS / 1000} s` : ((cause as Error)?.message ?? cause)}`,
      { cause },
    );
  }
}

/**
 * Ray's dashboard refuses POSTs that look like browser traffic, and Node's fetch sends the
 * `Sec-Fetch-Mode` header that it takes for a browser; so this client speaks plain node:http.
 * The signal bounds the whole exchange (connect, request, response body), not only idle sockets.
 */
async function plainFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise<{ status: number; ok: boolean; text(): Promise<string>; json(): Promise<unknown> }>((resolve, reject) => {
    const fail = (err: unknown) => reject(new RayUnavailableError(url, err));
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, signal: AbortSignal.timeout(RAY_REQUEST_TIMEOUT_MS) },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          resolve({ status, ok: status >= 200 && status < 300, text: async () => text, json: async () => JSON.parse(text) });
        });
        res.on('error', fail);
      },
    );
    req.on('error', (err) => fail(err.name === 'AbortError' && err.cause ? err.cause : err));
    if (init.body) req.write(init.body);
    req.end();
  });
}

export class RayJobsClient {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl = plainFetch,
  ) {}

  async get(submissionId: string): Promise<RayJobInfo | null> {
    const res = await this.fetchImpl(`${this.baseUrl}/api/jobs/${encodeURIComponent(submissionId)}`);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`Ray GET job ${submissionId}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as RayJobInfo;
  }

  /** Submits once: an existing submission id is returned as it is, so retries never start a second job. */
  async submitOnce(req: SubmitRequest): Promise<{ job: RayJobInfo; created: boolean }> {
    const existing = await this.get(req.submissionId);
    if (existing) return { job: existing, created: false };
    const res = await this.fetchImpl(`${this.baseUrl}/api/jobs/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        entrypoint: req.entrypoint,
        submission_id: req.submissionId,
        runtime_env: { env_vars: req.envVars },
        metadata: req.metadata,
        ...(req.numCpus ? { entrypoint_num_cpus: req.numCpus } : {}),
        ...(req.memoryBytes ? { entrypoint_memory: Math.floor(req.memoryBytes) } : {}),
      }),
    });
    if (!res.ok) {
      const text = await res.text();
      // Two attempts raced: the other one created it, which is what we wanted.
      const again = await this.get(req.submissionId);
      if (again) return { job: again, created: false };
      throw new Error(`Ray job submission failed: HTTP ${res.status} ${text}`);
    }
    const job = await this.get(req.submissionId);
    if (!job) throw new Error(`Ray accepted job ${req.submissionId} but cannot find it`);
    return { job, created: true };
  }

  async stop(submissionId: string): Promise<boolean> {
    const res = await this.fetchImpl(`${this.baseUrl}/api/jobs/${encodeURIComponent(submissionId)}/stop`, { method: 'POST' });
    if (res.status === 404) return false;
    if (!res.ok) throw new Error(`Ray stop ${submissionId}: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { stopped?: boolean };
    return Boolean(body.stopped);
  }

  async logs(submissionId: string): Promise<string> {
    const res = await this.fetchImpl(`${this.baseUrl}/api/jobs/${encodeURIComponent(submissionId)}/logs`);
    if (!res.ok) return '';
    const body = (await res.json()) as { logs?: string };
    return body.logs ?? '';
  }

  async list(): Promise<RayJobInfo[]> {
    const res = await this.fetchImpl(`${this.baseUrl}/api/jobs/`);
    if (!res.ok) throw new Error(`Ray list jobs: HTTP ${res.status}`);
    return (await res.json()) as RayJobInfo[];
  }

  /** Ray's `memory` resource of each live node, in bytes (the state API of the dashboard). */
  async nodeMemoryBytes(): Promise<number[]> {
    const res = await this.fetchImpl(`${this.baseUrl}/api/v0/nodes`);
    if (!res.ok) throw new Error(`Ray list nodes: HTTP ${res.status}`);
    const body = (await res.json()) as {
      data?: { result?: { result?: Array<{ state?: string; resources_total?: { memory?: number } }> } };
    };
    return (body.data?.result?.result ?? []).flatMap((n) =>
      n.state === 'ALIVE' && typeof n.resources_total?.memory === 'number' ? [n.resources_total.memory] : [],
    );
  }

  async version(): Promise<string> {
    const res = await this.fetchImpl(`${this.baseUrl}/api/version`);
    if (!res.ok) throw new Error(`Ray version: HTTP ${res.status}`);
    const body = (await res.json()) as { ray_version: string };
    return body.ray_version;
  }
}

export const TERMINAL_STATES: ReadonlySet<RayJobState> = new Set(['STOPPED', 'SUCCEEDED', 'FAILED']);

// Ray's JobErrorType values that mean the job's supervisor or node went away, not that the job's own code failed.
const INFRASTRUCTURE_ERRORS = new Set([
  'JOB_SUPERVISOR_ACTOR_DIED',
  'JOB_SUPERVISOR_ACTOR_UNKNOWN_FAILURE',
  'JOB_SUPERVISOR_ACTOR_START_FAILURE',
  'JOB_SUPERVISOR_ACTOR_START_TIMEOUT',
  'JOB_SUPERVISOR_ACTOR_UNSCHEDULABLE',
]);

/**
 * True when a job that ended FAILED or STOPPED was ended from outside: its supervisor or node died, its
 * process was killed by a signal (the shell Ray runs it in reports 128 + signal), or someone stopped it
 * while its workflow still wanted it (the workflow's own stop happens only after it was cancelled).
 * A job whose process exited by itself with an error code failed by itself.
 */
export function endedByInfrastructure(info: Pick<RayJobInfo, 'status' | 'error_type' | 'driver_exit_code'>): boolean {
  if (info.status === 'STOPPED') return true;
  if (info.status !== 'FAILED') return false;
  if (info.error_type && INFRASTRUCTURE_ERRORS.has(info.error_type)) return true;
  const code = info.driver_exit_code;
  if (typeof code === 'number') return code < 0 || (code > 128 && code < 160);
  // No exit code: the driver never reported one. Without a cause either, something outside ended it;
  // a cause Ray names (its runtime environment or the entrypoint could not start) is the job's own.
  return !info.error_type;
}

/** The job's own error: the last exception line of its log, else Ray's message. */
export function jobErrorMessage(info: RayJobInfo, logs: string): string {
  const lines = logs
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b:?/.test(lines[i]!)) return lines[i]!;
  }
  return info.message?.split('\n')[0] || `Ray job ${info.submission_id} ended ${info.status}`;
}
