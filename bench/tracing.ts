// What tracing costs per request: the health-check and read-users ratios (the `health` and `identity` suites, run
// as they are) against API processes started alternately with tracing off and on, several rounds, in this run.
// "On" exports every span over OTLP/HTTP to a sink in this process that accepts and drops them (a collector's
// receive cost is not the API's); "sampled" keeps 1 trace in 100. The noise is the spread of one setting across
// rounds.
import { spawn, type ChildProcess } from 'node:child_process';
import { treeCpuSeconds } from './proc.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { benchHealth } from './health.js';
import { load } from './http-load.js';
import type { BenchContext, BenchResult } from './types.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function listenOnFreePort(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function startApi(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const api = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', API_PORT: String(port), METRICS_PORT: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = Date.now();
  for (;;) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/v1/utils/health-check/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return api;
    if (api.exitCode !== null || Date.now() - started > 60_000) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function stopApi(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null) return;
  const exited = new Promise((r) => api.once('exit', r));
  api.kill('SIGTERM');
  await exited;
}

/**
 * Load on `url` for `seconds`, and the API's CPU time per request meanwhile: on a machine shared with other work the
 * CPU a request costs moves much less than the requests per second the API gets through.
 */
async function measured(pid: number, url: string, seconds: number, headers?: Record<string, string>) {
  const cpu = treeCpuSeconds(pid);
  const r = await load(url, { seconds, headers });
  return { rps: r.rps, cpuUs: ((treeCpuSeconds(pid) - cpu) / (r.rps * seconds)) * 1e6 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const list = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(', ');

export async function benchTracing(ctx: BenchContext): Promise<BenchResult[]> {
  const rounds = Number(process.env.BENCH_TRACING_ROUNDS ?? 3);
  let exports = 0;
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const sinkPort = await listenOnFreePort(sink);
  const probe = createServer();
  const apiPort = await listenOnFreePort(probe);
  await new Promise((r) => probe.close(r));
  const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}` };
  // "on": every request traced. "sampled": OTel's own sampler variables keep 1 trace in 100 (the rest still pay
  // for the context, the middleware and a non-recording span).
  const modes = {
    off: {},
    on: endpoint,
    sampled: { ...endpoint, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.01' },
  };
  type Mode = keyof typeof modes;
  const names = Object.keys(modes) as Mode[];
  interface Sample {
    health: number;
    users: number;
    healthRps: number;
    usersRps: number;
    healthCpuUs: number;
    usersCpuUs: number;
  }
  const samples = Object.fromEntries(names.map((m) => [m, [] as Sample[]])) as Record<Mode, Sample[]>;
  const token = await ctx.adminToken();
  const auth = { authorization: `Bearer ${token}` };
  const half = Math.max(1, Math.round(ctx.seconds / 2));
  try {
    for (let round = 0; round < rounds; round++) {
      // The order turns each round: drift of a shared machine falls on every setting alike.
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const mode of order) {
        const api = await startApi(apiPort, modes[mode]);
        try {
          const base = `http://127.0.0.1:${apiPort}`;
          // The health ratio exactly as the `health` suite measures it (warm-up included).
          const health = (await benchHealth({ ...ctx, baseUrl: base, apiPid: api.pid! }))[0]!;
          // The read-users ratio as the `identity` suite measures it (health, users, users, health), with CPU per request.
          const h1 = await measured(api.pid!, `${base}/api/v1/utils/health-check/`, half);
          await load(`${base}/api/v1/users/read-users/`, { seconds: 2, headers: auth });
          const u1 = await measured(api.pid!, `${base}/api/v1/users/read-users/`, half, auth);
          const u2 = await measured(api.pid!, `${base}/api/v1/users/read-users/`, half, auth);
          const h2 = await measured(api.pid!, `${base}/api/v1/utils/health-check/`, half);
          const healthRps = (h1.rps + h2.rps) / 2;
          const usersRps = (u1.rps + u2.rps) / 2;
          samples[mode].push({
            health: health.ratio,
            users: usersRps / healthRps,
            healthRps: health.value,
            usersRps,
            healthCpuUs: (h1.cpuUs + h2.cpuUs) / 2,
            usersCpuUs: (u1.cpuUs + u2.cpuUs) / 2,
          });
        } finally {
          await stopApi(api);
        }
        const x = samples[mode].at(-1)!;
        console.log(
          `[bench] tracing round ${round + 1} ${mode}: health ${x.health.toFixed(3)} (${x.healthRps} req/s), read-users ${x.users.toFixed(3)} ` +
            `(${Math.round(x.usersRps)} req/s); CPU per request: health ${x.healthCpuUs.toFixed(0)} µs, read-users ${x.usersCpuUs.toFixed(0)} µs`,
        );
      }
    }
  } finally {
    sink.close();
  }
  if (exports === 0) throw new Error('tracing on exported nothing: the measurement would not include the export');
  const pick = (mode: Mode, k: keyof Sample) => samples[mode].map((x) => x[k]);
  const result = (name: string, k: keyof Sample, mode: Exclude<Mode, 'off'>, unit: string, target: string): BenchResult => ({
    name: `${name}, tracing ${mode} vs off`,
    value: Number(median(pick(mode, k)).toFixed(3)),
    unit,
    baseline: Number(median(pick('off', k)).toFixed(3)),
    ratio: median(pick(mode, k)) / median(pick('off', k)),
    target,
    note: `medians; off: ${list(pick('off', k))}; ${mode}: ${list(pick(mode, k))} (the spread within one setting is the noise)`,
  });
  return (['on', 'sampled'] as const).flatMap((mode) => [
    result('health-check ratio', 'health', mode, 'ratio', 'report'),
    result('read-users ratio', 'users', mode, 'ratio', 'report'),
    result('health-check CPU/request', 'healthCpuUs', mode, 'µs', 'report'),
    result('read-users CPU/request', 'usersCpuUs', mode, 'µs', 'report'),
  ]);
}
