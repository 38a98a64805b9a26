// `npm run bench`: runs each benchmark against the API started here (on the throwaway test stack that
// scripts/stack.ts started) and reports ratios to baselines measured in the same run. Never part of
// `npm test`: absolute timings on shared 2-core machines drift, ratios much less.
//   npm run bench                 all suites
//   npm run bench -- health       only the named suites (see `suites` below)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchHealth } from './health.js';
import { meets, type BenchContext, type BenchResult } from './types.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const apiPort = Number(process.env.API_PORT ?? 18000);
const baseUrl = `http://127.0.0.1:${apiPort}`;

/** Suites by name; later modules add theirs here. Optional ones are loaded if their file exists. */
const suites: Record<string, () => Promise<(ctx: BenchContext) => Promise<BenchResult[]>>> = {
  health: async () => benchHealth,
  identity: async () => (await import('./identity.js' as string)).benchReadUsers,
  upload: async () => (await import('./upload.js' as string)).benchUpload,
  train: async () => (await import('./train.js' as string)).benchTrain,
  inference: async () => (await import('./inference.js' as string)).benchInference,
  templates: async () => (await import('./templates.js' as string)).benchTemplateList,
  scale: async () => (await import('./scale.js' as string)).benchScale,
  lifecycle: async () => (await import('./lifecycle.js' as string)).benchLifecycle,
  quality: async () => (await import('./quality.js' as string)).benchQuality,
  jobs: async () => (await import('./jobs.js' as string)).benchJobs,
  console: async () => (await import('./console.js' as string)).benchConsole,
  tracing: async () => (await import('./tracing.js' as string)).benchTracing,
};

// BENCH_API_NODE_ARGS passes flags to the API's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which NODE_OPTIONS refuses).
const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
const api = spawn(process.execPath, [...apiNodeArgs, '--import', 'tsx', 'api/server.ts'], {
  cwd: ROOT,
  // Benchmarks measure the platform, not its per-token quotas: the limits stay on (their counting is part of each
  // request's cost) but out of reach (the default 30,000 predictions per token per minute is one 10 s load phase).
  env: {
    RATE_LIMIT_PREDICT_PER_TENANT: '1000000000',
    RATE_LIMIT_PREDICT_PER_TOKEN: '1000000000',
    RATE_LIMIT_TRAIN_PER_TENANT: '1000000',
    RATE_LIMIT_TRAIN_PER_TOKEN: '1000000',
    ...process.env,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/utils/health-check/`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > 60_000) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  const ctx: BenchContext = {
    baseUrl,
    apiPid: api.pid!,
    seconds,
    adminToken: async () => {
      const res = await fetch(`${baseUrl}/api/v1/login/access-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: process.env.ADMIN_USERNAME ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'admin123' }),
      });
      if (!res.ok) throw new Error(`login failed: HTTP ${res.status}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
  };
  const wanted = process.argv.slice(2).filter((a) => a !== '--');
  // Issue #19's figures in one run: the jobs suite brings the 1M-row training (train) and real-time p50 (inference).
  if (wanted.includes('jobs')) wanted.push('train', 'inference');
  const results: BenchResult[] = [];
  for (const [name, loadSuite] of Object.entries(suites)) {
    if (wanted.length && !wanted.includes(name)) continue;
    let run;
    try {
      run = await loadSuite();
    } catch {
      console.log(`[bench] ${name}: not available in this build, skipped`);
      continue;
    }
    if (typeof run !== 'function') continue;
    console.log(`[bench] ${name} ...`);
    results.push(...(await run(ctx)));
  }
  console.log('\nbenchmark                                         value        baseline     ratio   target    ok');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(48)} ${`${r.value} ${r.unit}`.padEnd(12)} ${String(r.baseline).padEnd(12)} ${r.ratio.toFixed(3).padEnd(7)} ${r.target.padEnd(9)} ${meets(r) ? 'yes' : 'NO'}`,
    );
    if (r.note) console.log(`    ${r.note}`);
  }
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const file = path.join(ROOT, 'bench-results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), seconds, results }, null, 2));
  console.log(`\nresults written to ${path.relative(ROOT, file)}`);
} finally {
  api.kill('SIGTERM');
}
