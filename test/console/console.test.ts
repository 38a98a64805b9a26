// The web console in a real headless Chromium against the real stack (API listening on a port, in-process
// worker, Temporal, Ray, Postgres, S3): sign in, upload a file and watch its byte progress and validation,
// open the report, preview and statistics, train a model and open its charts, make a form prediction, cancel a
// running job, and check that a read-only user neither sees nor can use the guarded controls. Every page is
// screenshotted into test-results/console/ (git-ignored); any console error, uncaught exception, failed request
// or unexpected error answer fails the test.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from '../../api/console-static.js';
import { listen } from '../../api/http-server.js';
import { BUILTIN_ROLES } from '../../contracts/permissions.js';
import { newTenant, userWith } from '../support/identity.js';
import { startJobSuite, type JobSuite } from '../support/job-suite.js';
import { hasStack, uniq } from '../support/stack.js';
import { customersCsv, roles, TEMPLATE } from '../support/train-data.js';
import { click, controls, type ExpectedErrors, launchBrowser, type WatchedPage, waitForText, watchedPage } from './browser.js';

/** Answers the console handles as states, not errors. */
const EXPECTED: ExpectedErrors = {
  'GET /api/v1/dataset/statistics': [404], // no statistics requested yet
  'GET /api/v1/train/view-feature-importance': [404, 409], // no SHAP run
  'GET /api/v1/me': [401], // the session ended (sign-out)
};

describe.skipIf(!hasStack)('web console in Chromium', () => {
  let suite: JobSuite;
  let server: Server;
  let base: string;
  let browser: Browser;
  let w: WatchedPage;
  let full: Awaited<ReturnType<typeof userWith>>;
  let viewer: Awaited<ReturnType<typeof userWith>>;
  let csvPath: string;
  const datasetName = uniq('console_ds');
  const predictor = uniq('console_model');
  let trainingId = 0;
  let datasetId = 0;

  const api = async (p: string, init: RequestInit & { json?: unknown } = {}) => {
    const res = await suite.t.call(p, { ...init, token: full.token });
    return { status: res.status, body: (await res.json()) as any };
  };
  const goto = async (p: string) => {
    await w.page.goto(`${base}${p}`, { waitUntil: 'networkidle0' });
  };
  const signIn = async (u: { username: string; password: string }) => {
    await goto('/');
    await w.page.waitForSelector('input[name=username]');
    await w.page.type('input[name=username]', u.username);
    await w.page.type('input[name=password]', u.password);
    await w.page.keyboard.press('Enter'); // keyboard-usable: the form submits on Enter
    await waitForText(w.page, '[data-testid=who]', u.username);
  };

  beforeAll(async () => {
    expect(existsSync(path.join(CONSOLE_DIST, 'index.html')), 'web/dist is built by scripts/setup.sh (npm run web:build)').toBe(true);
    suite = await startJobSuite();
    server = await listen(suite.t.app, '127.0.0.1', 0);
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const tenantId = await newTenant(suite.t.deps);
    full = await userWith(suite.t.deps, tenantId, 'all');
    viewer = await userWith(suite.t.deps, tenantId, BUILTIN_ROLES.viewer);
    const work = mkdtempSync(path.join(os.tmpdir(), 'dataml-console-'));
    csvPath = path.join(work, 'customers.csv');
    writeFileSync(csvPath, customersCsv(300));
    const tpl = await api('/api/v1/template/', { method: 'POST', json: { template_name: uniq('console_tpl'), template_schema: TEMPLATE } });
    expect(tpl.status).toBe(201);
    browser = await launchBrowser();
    w = await watchedPage(browser, EXPECTED);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await suite?.close();
  });

  it('serves the console at / and for its own paths, and leaves the API paths alone', async () => {
    for (const p of ['/', '/datasets', '/training/12']) {
      const res = await fetch(`${base}${p}`);
      expect(res.status, p).toBe(200);
      expect(await res.text()).toContain('<div id="app">');
    }
    const missing = await fetch(`${base}/api/v1/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('not_found');
    expect((await fetch(`${base}/openapi.json`)).headers.get('content-type')).toMatch(/json/);
  });

  it('signs in with a wrong password showing the API message, then signs in and shows name, tenant and role', async () => {
    await goto('/');
    await w.page.waitForSelector('input[name=username]');
    await w.shot('01-sign-in');
    await w.page.type('input[name=username]', full.username);
    await w.page.type('input[name=password]', 'Wrong-password-9');
    const wrong = w.page.waitForResponse((r) => r.url().endsWith('/api/v1/login/access-token'));
    await w.page.keyboard.press('Enter');
    expect((await wrong).status()).toBe(401);
    w.problems.splice(0); // that 401 was the point
    await waitForText(w.page, '[role=alert]', /./);
    await w.page.$eval('input[name=password]', (el) => {
      (el as HTMLInputElement).value = '';
    });
    await w.page.type('input[name=password]', full.password);
    await w.page.keyboard.press('Enter');
    await waitForText(w.page, '[data-testid=who]', full.username);
    const who = await w.page.$eval('[data-testid=who]', (el) => el.textContent);
    expect(who).toContain(full.user.tenant_id);
    expect(await controls(w.page)).toEqual(expect.arrayContaining(['Datasets', 'Templates', 'Training', 'Jobs', 'Admin', 'Sign out']));
    expect(w.problems).toEqual([]);
  });

  it('uploads a file with a byte progress bar, follows validation live, shows the report and preview, starts statistics', {
    timeout: 400_000,
  }, async () => {
    await goto('/datasets');
    await w.page.type('input[name=dataset_name]', datasetName);
    const tplId = await w.page.$$eval('select[name=template_id] option', (os) => os[os.length - 1]!.getAttribute('value'));
    await w.page.select('select[name=template_id]', tplId!);
    const input = await w.page.$('input[name=files]');
    await input!.uploadFile(csvPath);
    await click(w.page, 'Upload');
    await w.page.waitForSelector('[data-testid=upload-progress] progress');
    await waitForText(w.page, '[data-testid=upload-progress]', /Uploaded .* 100%/);
    await waitForText(w.page, '[data-testid=job-panel]', 'Completed', 360_000);
    await w.shot('02-datasets-uploaded');
    const listed = await api('/api/v1/dataset/list');
    const ds = listed.body.data.find((d: any) => d.dataset_name === datasetName);
    expect(ds.is_valid).toBe(true);

    await goto(`/datasets/${ds.id}`);
    await waitForText(w.page, '[data-testid=file-report]', 'valid');
    await waitForText(w.page, 'caption', /Rows 1–20/);
    await click(w.page, 'Next page');
    await waitForText(w.page, 'caption', /Rows 21–40/);
    // Statistics run on Ray while the next test trains; their charts are checked after it.
    await click(w.page, 'Compute statistics');
    await w.page.waitForSelector('[data-testid=job-panel]');
    datasetId = ds.id;
    expect(w.problems).toEqual([]);
  });

  it('trains a model from the 8.2 form with live progress, then shows metrics, leaderboard and charts', { timeout: 400_000 }, async () => {
    await goto('/training');
    await click(w.page, 'Train a model');
    await w.page.waitForSelector('select[name=dataset_id] option');
    const dsValue = await w.page.$$eval(
      'select[name=dataset_id] option',
      (os, name) => os.find((o) => o.textContent === name)?.getAttribute('value'),
      datasetName,
    );
    await w.page.select('select[name=dataset_id]', dsValue!);
    await w.page.type('input[name=predictor_name]', predictor);
    await w.page.select('select[name=problem_type]', 'Classification');
    await click(w.page, 'Next: column roles');
    await w.page.waitForSelector('select[aria-label="Role of churn"]');
    for (const r of roles('churn', ['const_flag', 'segment', 'spend']))
      await w.page.select(`select[aria-label="Role of ${r.column_name}"]`, r.attribute_name);
    await w.page.select('select[name=algorithm]', 'auto');
    await w.page.type('input[name=time_budget_seconds]', '5');
    await w.shot('04-training-form');
    await click(w.page, 'Start training');
    await w.page.waitForFunction(() => /^\/training\/\d+$/.test(location.pathname), { timeout: 30_000 });
    trainingId = Number(new URL(w.page.url()).pathname.split('/').pop());
    await waitForText(w.page, '[data-testid=job-panel]', /elapsed/);
    await w.shot('05-training-running');
    await w.page.waitForSelector('dl.metrics', { timeout: 360_000 });
    const text = await w.page.$eval('main', (el) => el.textContent ?? '');
    expect(text).toMatch(/accuracy/);
    expect(text).toMatch(/validation score/); // the leaderboard of `auto`
    expect(await w.page.$$eval('table.confusion td', (tds) => tds.length)).toBeGreaterThanOrEqual(4);
    // Rows and columns named by the model's classes (10.5's class_labels), not by position.
    expect(await w.page.$eval('table.confusion', (el) => el.textContent ?? '')).toMatch(/false[\s\S]*true/);
    // The hold-out curves of 10.5 are drawn (a canvas under their caption), not "not available".
    await w.page.waitForSelector('.chart-card canvas');
    const drawn = await w.page.$$eval('.chart-card', (cards) =>
      cards.filter((c) => c.querySelector('canvas')).map((c) => c.querySelector('figcaption')?.textContent ?? ''),
    );
    expect(drawn).toEqual(expect.arrayContaining([expect.stringMatching(/^ROC curve/), expect.stringMatching(/^Precision–recall/)]));
    await w.shot('06-model-insights');
    expect(w.problems).toEqual([]);
  });

  it('shows the statistics computed meanwhile: a chart per column with its missing count', { timeout: 300_000 }, async () => {
    await goto(`/datasets/${datasetId}`);
    await w.page.waitForSelector('.chart canvas', { timeout: 280_000 });
    const titles = await w.page.$$eval('.chart-card figcaption', (els) => els.map((e) => e.textContent));
    expect(titles.join('\n')).toMatch(/age \(double\) · 14 missing of 300/); // every 23rd age is empty (customersCsv)
    await w.shot('03-dataset-detail');
    expect(w.problems).toEqual([]);
  });

  it('makes a one-row prediction from the 9.3 form', async () => {
    await goto(`/training/${trainingId}`);
    await w.page.waitForSelector('form[aria-label="One-row prediction"] input');
    const values: Record<string, string> = {
      cid: 'c1',
      age: '51',
      tenure: '30',
      plan: 'pro',
      active: 'true',
      churn: 'true',
      segment: 'mid',
      spend: '60',
      const_flag: 'x',
    };
    for (const [k, v] of Object.entries(values)) {
      const el = await w.page.$(`form[aria-label="One-row prediction"] input[name=${k}]`);
      if (!el) continue; // the form lists only the model's inputs
      await el.evaluate((e) => {
        (e as HTMLInputElement).value = '';
      });
      await el.type(v);
    }
    await click(w.page, 'Predict', 'form[aria-label="One-row prediction"]');
    await waitForText(w.page, '[data-testid=prediction-result]', /Prediction: (true|false)/);
    // Asked with "Explain" (on by default): the contributions of the model's inputs, drawn as bars.
    await waitForText(w.page, '[data-testid=prediction-result]', /Why: feature contributions/);
    const bars = await w.page.$eval('[data-testid=prediction-result]', (el) => el.textContent ?? '');
    expect(bars).toMatch(/tenure/);
    await w.page.$eval('[data-testid=prediction-result]', (el) => el.scrollIntoView());
    await w.shot('07-prediction');
    expect(w.problems).toEqual([]);
  });

  it('cancels a running job from the jobs page, with links to Temporal and Ray', { timeout: 300_000 }, async () => {
    const started = await api('/api/v1/train/', {
      method: 'POST',
      json: {
        dataset_id: (await api('/api/v1/dataset/list')).body.data.find((d: any) => d.dataset_name === datasetName).id,
        predictor_name: uniq('console_cancel'),
        domain: 'Churn',
        problem_type: 'Classification',
        columns: roles('churn', ['const_flag']),
        algorithm: 'auto',
        time_budget_seconds: 120,
      },
    });
    expect(started.status).toBe(201);
    const wf = started.body.workflow_id as string;
    // The job is listed once its workflow has recorded it.
    while ((await api(`/api/v1/jobs/${wf}`)).status === 404) await new Promise((r) => setTimeout(r, 300));
    await goto('/jobs');
    await waitForText(w.page, 'table', wf);
    const row = `tr:has(code)`;
    expect(
      await w.page.$$eval(
        row,
        (trs, id) =>
          trs
            .find((tr) => tr.textContent?.includes(id))
            ?.querySelector('a[href*="/workflows/"]')
            ?.getAttribute('href'),
        wf,
      ),
    ).toContain(`/workflows/${wf}`);
    await w.shot('08-jobs');
    await w.page.$$eval(
      row,
      (trs, id) =>
        (
          (trs.find((tr) => tr.textContent?.includes(id))?.querySelector('button.danger') as HTMLButtonElement | null) ?? {
            click: () => {},
          }
        ).click(),
      wf,
    );
    for (;;) {
      const job = await api(`/api/v1/jobs/${wf}`);
      if (job.body.status === 'Cancelled') break;
      expect(job.body.status, 'the job ended another way: the cancel button was not used').not.toMatch(/Completed|Failed/);
      await new Promise((r) => setTimeout(r, 500));
    }
    await click(w.page, 'Refresh', 'main');
    await waitForText(w.page, 'tr', new RegExp(`Cancelled.*${wf}`));
    expect(w.problems).toEqual([]);
  });

  it('shows templates and admin pages to the administrator', async () => {
    await goto('/templates');
    await waitForText(w.page, 'table', /console_tpl/);
    await click(w.page, 'Edit columns');
    await w.page.waitForSelector('input[aria-label="Column 1 name"]');
    await w.shot('09-templates');
    await goto('/admin');
    await waitForText(w.page, 'table', viewer.username);
    await w.shot('10-admin');
    await w.page.setViewport({ width: 390, height: 844 });
    await goto(`/training/${trainingId}`);
    await w.page.waitForSelector('dl.metrics');
    await w.shot('11-model-narrow');
    await w.page.setViewport({ width: 1280, height: 800 });
    expect(w.problems).toEqual([]);
  });

  it('a read-only user sees no upload, training, prediction, cancel or admin controls', async () => {
    await click(w.page, 'Sign out');
    await w.page.waitForSelector('input[name=username]');
    await signIn(viewer);
    const nav = await w.page.$$eval('nav a', (as) => as.map((a) => a.textContent));
    expect(nav).toEqual(['Datasets', 'Templates', 'Training', 'Jobs']);
    await goto('/datasets');
    await waitForText(w.page, 'main', 'You may not upload datasets');
    expect(await w.page.$('input[name=files]')).toBeNull();
    await w.shot('12-viewer-datasets');
    await goto('/training');
    await waitForText(w.page, 'table', predictor);
    expect(await controls(w.page)).not.toContain('Train a model');
    await goto(`/training/${trainingId}`);
    await w.page.waitForSelector('dl.metrics');
    expect(await w.page.$('form[aria-label="One-row prediction"]')).toBeNull();
    expect(await controls(w.page)).not.toContain('Compute SHAP feature importance');
    await goto('/jobs');
    await waitForText(w.page, 'table', /train/);
    expect(await w.page.$$('button.danger')).toHaveLength(0);
    await goto('/admin');
    await waitForText(w.page, 'main', 'needs the can_manage_roles permission');
    await w.shot('13-viewer-admin');
    expect(w.problems).toEqual([]);
  });
});
