// The web console's speed (issue #12): time to first render of the datasets and training pages in a headless
// Chromium (@sparticuz/chromium) with 1,000 datasets and 200 trainings in the tenant, against the sign-in page
// (the same bundle, no API data) measured in the same run; and the gzipped size of the shipped JavaScript.
// The rows are inserted straight into Postgres through the repositories: creating them through the API would
// upload and validate 1,000 files and train 200 models. Targets: <= 1000 ms each page, <= 250 KB gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CONSOLE_DIST } from '../api/console-static.js';
import { loadConfig } from '../config/config.js';
import { createDb } from '../db/connection.js';
import { insertDataset } from '../db/repositories/datasets.js';
import { insertPredictor, insertTraining } from '../db/repositories/train.js';
import type { BenchContext, BenchResult } from './types.js';

const DATASETS = 1000;
const TRAININGS = 200;
const RUNS = 5;

async function seed(tenantId: string, username: string): Promise<void> {
  const db = createDb(loadConfig().postgres.url, 2);
  try {
    const run = Date.now().toString(36);
    const have = await db
      .selectFrom('datasets')
      .select(db.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    let first = 0;
    for (let i = Number(have.n); i < DATASETS; i++) {
      const d = await insertDataset(db, {
        tenantId,
        name: `bench-console-${run}-${i}`,
        usage: 't',
        templateId: null,
        templateVersion: null,
        icebergTable: null,
        username,
      });
      first ||= d.id;
      await db
        .updateTable('datasets')
        .set({ is_valid: true } as never)
        .where('id', '=', d.id)
        .execute();
    }
    const trained = await db
      .selectFrom('trainings')
      .select(db.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    const datasetId =
      first || (await db.selectFrom('datasets').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).id;
    for (let i = Number(trained.n); i < TRAININGS; i++) {
      const p = await insertPredictor(db, {
        tenantId,
        name: `bench-console-${run}-${i}`,
        domain: 'Bench',
        problemType: 'Classification',
        username,
      });
      const t = await insertTraining(db, {
        tenantId,
        predictorId: p.id,
        version: 1,
        parentTrainingId: null,
        datasetId,
        fileSnapshotIds: [],
        icebergTable: 'silver.none',
        templateId: null,
        templateVersion: null,
        problemType: 'Classification',
        algorithm: 'xgboost',
        columns: [],
        config: {},
        seed: 1,
        isIncremental: false,
        shapEnabled: false,
        callbackSecretSha256: 'x',
        username,
        workflowIdFor: (id) => `bench-train-${id}`,
      });
      await db
        .updateTable('trainings')
        .set({ status: 'Completed' } as never)
        .where('id', '=', t.id)
        .execute();
    }
  } finally {
    await db.destroy();
  }
}

/** Milliseconds from navigation start until `selector` is in the page, for a signed-in session. */
async function firstRender(browser: Browser, url: string, selector: string, tokens: unknown): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument((t) => sessionStorage.setItem('dataml.tokens', t), JSON.stringify(tokens));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(selector, { timeout: 30_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchConsole(ctx: BenchContext): Promise<BenchResult[]> {
  const login = await fetch(`${ctx.baseUrl}/api/v1/login/access-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: process.env.ADMIN_USERNAME ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'admin123' }),
  });
  const t = (await login.json()) as { access_token: string; refresh_token: string; expires_in: number };
  const tokens = { access_token: t.access_token, refresh_token: t.refresh_token, expires_at: Date.now() + t.expires_in * 1000 };
  const me = (await (await fetch(`${ctx.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${t.access_token}` } })).json()) as {
    tenant_id: string;
    username: string;
  };
  await seed(me.tenant_id, me.username);
  const auth = { authorization: `Bearer ${t.access_token}` };
  const counts = {
    datasets: ((await (await fetch(`${ctx.baseUrl}/api/v1/dataset/list`, { headers: auth })).json()) as { total: number }).total,
    trainings: ((await (await fetch(`${ctx.baseUrl}/api/v1/train/list`, { headers: auth })).json()) as { total: number }).total,
  };

  const browser = await puppeteer.launch({
    executablePath: await chromium.executablePath(),
    // A POSIX locale in the environment makes Chromium report `en-US@posix`, which Intl refuses.
    args: [...chromium.args, '--lang=en-US'],
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
    headless: true,
  });
  const times: Record<'signin' | 'datasets' | 'training', number[]> = { signin: [], datasets: [], training: [] };
  try {
    // One warm-up of each, then alternate pages so that drift of a shared machine hits all alike.
    for (let run = 0; run <= RUNS; run++) {
      const s = await firstRender(browser, `${ctx.baseUrl}/`, 'input[name=username]', null);
      const d = await firstRender(browser, `${ctx.baseUrl}/datasets`, 'table tbody tr', tokens);
      const tr = await firstRender(browser, `${ctx.baseUrl}/training`, 'table tbody tr', tokens);
      if (run === 0) continue;
      times.signin.push(s);
      times.datasets.push(d);
      times.training.push(tr);
    }
  } finally {
    await browser.close();
  }

  const js = readdirSync(path.join(CONSOLE_DIST, 'assets')).filter((f) => f.endsWith('.js'));
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(path.join(CONSOLE_DIST, 'assets', f)), { level: 9 }).length, 0);
  const signin = median(times.signin);
  const page = (name: 'datasets' | 'training', rows: number): BenchResult => {
    const ms = median(times[name]);
    return {
      name: `console ${name} page first render (${rows} rows)`,
      value: Math.round(ms),
      unit: 'ms',
      baseline: Math.round(signin),
      ratio: ms,
      target: '<= 1000',
      note: `median of ${RUNS}; spread ${Math.round(Math.min(...times[name]))}–${Math.round(Math.max(...times[name]))} ms; baseline = sign-in page (no API data) ${Math.round(Math.min(...times.signin))}–${Math.round(Math.max(...times.signin))} ms; ${(ms / signin).toFixed(2)}x`,
    };
  };
  return [
    page('datasets', counts.datasets),
    page('training', counts.trainings),
    {
      name: 'console JavaScript, gzipped',
      value: Math.round(gz / 1024),
      unit: 'KB',
      baseline: 250,
      ratio: gz / 1024,
      target: '<= 250',
      note: `${js.length} file(s) in web/dist/assets`,
    },
  ];
}
