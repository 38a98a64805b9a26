// What tracing costs per request: the health-check and read-users ratios (the `health` and `identity` suites, run
// as they are) against API processes started alternately with tracing off and on, several rounds, in this run.
// "On" exports every span over OTLP/HTTP to a sink in this process that accepts and drops them (a collector's
// receive cost is not the API's); "sampled" keeps 1 trace in 100. The noise is the spread of one setting across
// rounds.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { benchHealth } from './health.js';
import { benchReadUsers } from './identity.js';
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
  const health = Object.fromEntries(names.map((m) => [m, [] as BenchResult[]])) as Record<Mode, BenchResult[]>;
  const users = Object.fromEntries(names.map((m) => [m, [] as BenchResult[]])) as Record<Mode, BenchResult[]>;
  try {
    for (let round = 0; round < rounds; round++) {
      // The order turns each round: drift of a shared machine falls on every setting alike.
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const mode of order) {
        const api = await startApi(apiPort, modes[mode]);
        try {
          const c = { ...ctx, baseUrl: `http://127.0.0.1:${apiPort}`, apiPid: api.pid! };
          health[mode].push((await benchHealth(c))[0]!);
          users[mode].push((await benchReadUsers(c))[0]!);
        } finally {
          await stopApi(api);
        }
        const h = health[mode].at(-1)!;
        const u = users[mode].at(-1)!;
        console.log(
          `[bench] tracing round ${round + 1} ${mode}: health ${h.ratio.toFixed(3)} (${h.value} vs bare ${h.baseline} req/s), ` +
            `read-users ${u.ratio.toFixed(3)} (${u.value} vs health ${u.baseline} req/s)`,
        );
      }
    }
  } finally {
    sink.close();
  }
  if (exports === 0) throw new Error('tracing on exported nothing: the measurement would not include the export');
  const ratios = (rs: BenchResult[]) => rs.map((r) => r.ratio);
  const result = (name: string, xs: Record<Mode, BenchResult[]>, mode: Exclude<Mode, 'off'>): BenchResult => ({
    name: `${name}: tracing ${mode} / off (medians)`,
    value: Number(median(ratios(xs[mode])).toFixed(3)),
    unit: 'ratio',
    baseline: Number(median(ratios(xs.off)).toFixed(3)),
    ratio: median(ratios(xs[mode])) / median(ratios(xs.off)),
    target: 'report',
    note: `off: ${list(ratios(xs.off))}; ${mode}: ${list(ratios(xs[mode]))} (the spread within one setting is the noise); req/s ${mode}: ${xs[mode].map((r) => r.value).join(', ')}, off: ${xs.off.map((r) => r.value).join(', ')}`,
  });
  return [
    result('health-check ratio', health, 'on'),
    result('health-check ratio', health, 'sampled'),
    result('read-users ratio', users, 'on'),
    result('read-users ratio', users, 'sampled'),
  ];
}
