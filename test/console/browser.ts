// A headless Chromium for the console tests (@sparticuz/chromium: a Chromium build shipped in an npm package,
// no system packages, works offline) driven by puppeteer-core. Every page records console errors, uncaught
// exceptions, failed requests and unexpected error responses, so a test can assert there were none.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const SHOTS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../test-results/console');

/** Error answers the console expects and handles (e.g. 404 "no statistics yet"): `METHOD /path` → statuses. */
export type ExpectedErrors = Record<string, number[]>;

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return puppeteer.launch({
    executablePath: await chromium.executablePath(),
    // A POSIX locale in the environment makes Chromium report `en-US@posix`, which Intl refuses.
    args: [...chromium.args, '--lang=en-US'],
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
  });
}

export interface WatchedPage {
  page: Page;
  problems: string[];
  shot: (name: string) => Promise<void>;
}

export async function watchedPage(browser: Browser, expected: ExpectedErrors): Promise<WatchedPage> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // Chromium logs every 4xx/5xx as "Failed to load resource"; the response check below judges those.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource: the server responded with a status of'))
      problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${(err as Error).message ?? err}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() < 400) return;
    const url = new URL(res.url());
    const key = `${res.request().method()} ${url.pathname}`;
    if (!expected[key]?.includes(res.status())) problems.push(`unexpected ${res.status()}: ${key}${url.search}`);
  });
  return {
    page,
    problems,
    shot: async (name) => {
      // Two frames: content just rendered is painted before the capture (else a full-page shot can show it blank).
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
    },
  };
}

/** Waits until `text` appears in the element matched by `selector` (the page's own polling drives the change). */
export async function waitForText(page: Page, selector: string, text: string | RegExp, timeout = 120_000): Promise<void> {
  const source = text instanceof RegExp ? text.source : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.waitForFunction(
    (sel: string, src: string) => [...document.querySelectorAll(sel)].some((el) => new RegExp(src).test(el.textContent ?? '')),
    { timeout, polling: 200 },
    selector,
    source,
  );
}

/** Clicks the first visible button or link whose text is `text` (trimmed, exact). */
export async function click(page: Page, text: string, within = 'body'): Promise<void> {
  await page.waitForFunction(
    (w: string, t: string) =>
      [...document.querySelectorAll(`${w} button, ${w} a`)].some(
        (el) => el.textContent?.trim() === t && !(el as HTMLButtonElement).disabled,
      ),
    { timeout: 30_000 },
    within,
    text,
  );
  await page.evaluate(
    (w: string, t: string) => {
      const el = [...document.querySelectorAll(`${w} button, ${w} a`)].find(
        (e) => e.textContent?.trim() === t && !(e as HTMLButtonElement).disabled,
      );
      (el as HTMLElement).click();
    },
    within,
    text,
  );
}

/** The visible texts of the buttons and links on the page. */
export const controls = (page: Page) => page.$$eval('button, a', (els) => els.map((e) => e.textContent?.trim() ?? ''));
