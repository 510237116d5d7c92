import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { startTestCloud } from '@jingzhun/local-cloud/testing';
import { buildWeb as buildLocalWeb } from '@jingzhun/local-cloud/web';
import { openApiHandler } from '@jingzhun/platform/openapi';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { services } from '../../services/registry.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the web into a fresh folder (no shared dist between test files). */
export async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'jz-web-'));
  await buildLocalWeb(join(ROOT, 'packages/web'), outDir);
  return outDir;
}

export async function startSystem(endpoint: string, staticDir: string, log?: (line: string) => void): Promise<LocalCloud> {
  return startTestCloud(endpoint, services, { demo: true, staticDir, extraHandlers: [openApiHandler(services)], ...(log ? { log } : {}) });
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH. Browser tests never skip.`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Collects page errors so a test fails on an uncaught exception (a blank page). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // A resource the page asks for and does not get is an error too, except the API's own 4xx
  // answers, which the tests provoke and the page shows next to the field.
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const api = !/\.[a-z0-9]+$/i.test(path); // API paths have no file extension; the web's files do
    if (response.status() >= 500 || (response.status() >= 400 && !api)) errors.push(`HTTP ${response.status()} ${path}`);
  });
  return errors;
}

/**
 * When a browser test fails, says what the page showed: a screenshot (`failed-<test>.png`), the
 * address, the text of the main area and the page's last requests with status and time, and its
 * console errors. A timeout alone ("waiting for heading 月调度") does not tell a missed click from
 * a refused sign-in. Call it in the describe block; pass it the page once it exists.
 */
export function explainFailures(): { watch(page: Page): void } {
  const trail: string[] = [];
  let watched: Page | undefined;
  const note = (line: string) => trail.push(`${new Date().toISOString()} ${line}`);
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !watched) return;
    const page = watched;
    await shot(page, `failed-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`).catch(() => undefined);
    const main = await page
      .locator('main')
      .textContent({ timeout: 2_000 })
      .then((text) => text ?? '')
      .catch((error: unknown) => `(no main: ${String(error)})`);
    console.error(`[browser] "${task.name}" failed at ${page.url()}\nmain:\n${main.slice(0, 1500)}\nlast requests:\n${trail.slice(-30).join('\n')}`);
  });
  return {
    watch(page) {
      watched = page;
      page.on('requestfinished', async (request) => {
        const response = await request.response().catch(() => null);
        note(`${request.method()} ${new URL(request.url()).pathname} ${response?.status() ?? '?'} in ${Math.round(request.timing().responseEnd)} ms`);
      });
      page.on('requestfailed', (request) => note(`${request.method()} ${new URL(request.url()).pathname} failed: ${request.failure()?.errorText ?? ''}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') note(`console.${message.type()}: ${message.text()}`);
      });
    },
  };
}

export interface BrowserSystem {
  cloud: LocalCloud;
  browser: Browser;
  page: Page;
  /** Uncaught page errors and failed resources (watchErrors): a journey ends with `expect(errors).toEqual([])`. */
  errors: string[];
}

/**
 * What every browser journey sets up: the web built into its own folder, Chromium, the whole
 * system with demo data on this file's own DynamoDB Local, one zh-CN page watched for errors and
 * explained on failure; all stopped after the file. The returned object's fields are set once the
 * set-up has run (use them inside tests and later hooks).
 */
export function useBrowserSystem(options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {}): BrowserSystem {
  const system = {} as BrowserSystem;
  const failures = explainFailures();
  beforeAll(async () => {
    const [dist, chrome] = await Promise.all([buildWeb(), launch()]);
    system.browser = chrome;
    system.cloud = await startSystem(inject('dynamoEndpoint'), dist);
    system.page = await chrome.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: options.acceptDownloads ?? false });
    system.errors = watchErrors(system.page);
    failures.watch(system.page);
    // Loading the whole demo takes about 20 s alone and several minutes on a shared machine.
  }, 600_000);
  afterAll(async () => {
    await system.browser?.close();
    await system.cloud?.stop();
  });
  return system;
}
