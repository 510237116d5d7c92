import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { startTestCloud } from '@jingzhun/local-cloud/testing';
import { buildWeb as buildLocalWeb } from '@jingzhun/local-cloud/web';
import { openApiHandler } from '@jingzhun/platform/openapi';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
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

/**
 * What a user must never read on a page (issue 14, "Must show"): codes and ids instead of names,
 * source references, error codes and English. Each pattern names what it catches.
 */
const CODE_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: '12-digit code', pattern: /(?<![\d])\d{12}(?![\d])/g },
  { what: 'ULID', pattern: /(?<![0-9A-Za-z])[0-9A-HJKMNP-TV-Z]{26}(?![0-9A-Za-z])/g },
  { what: 'error code in brackets', pattern: /\[[A-Z][A-Z0-9_]{2,}\]/g },
  { what: 'UPPER_SNAKE identifier', pattern: /(?<![A-Za-z0-9])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9])/g },
  { what: 'upper-case English word', pattern: /(?<![A-Za-z0-9])[A-Z]{4,}(?![A-Za-z0-9])/g },
  { what: 'camelCase identifier', pattern: /(?<![A-Za-z0-9])[a-z]+[A-Z][A-Za-z0-9]*(?![A-Za-z0-9])/g },
  { what: 'snake_case identifier', pattern: /(?<![A-Za-z0-9])[a-z]+(?:_[a-z0-9]+)+(?![A-Za-z0-9])/g },
  { what: 'kebab-case identifier', pattern: /(?<![A-Za-z0-9])[a-z]+(?:-[a-z0-9]+)+(?![A-Za-z0-9])/g },
  { what: 'source reference "seed"', pattern: /seed/gi },
  { what: 'file name .md', pattern: /\.md(?![A-Za-z])/gi },
  { what: '[PROP] or a similar tag', pattern: /\[[A-Z]{2,}\]/g },
  { what: 'English sentence', pattern: /[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}/g },
];

/** File formats people know by these letters. */
const ALLOWED_WORDS = ['XLSX', 'CSV', 'PDF', 'JPEG', 'PNG'];

/** The codes a page shows in its visible text (innerText of the body), with the text around each. */
export async function codesVisible(page: Page, options: { allow?: readonly string[] } = {}): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(): the rendered text only (no hidden nodes, no scripts)
  let text = await page.locator('body').innerText();
  for (const allowed of [...(options.allow ?? []), ...ALLOWED_WORDS]) text = text.split(allowed).join(' ');
  const found: string[] = [];
  for (const { what, pattern } of CODE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      found.push(`${what}: "${match[0]}" in "…${text.slice(Math.max(0, at - 20), at + match[0].length + 20).replace(/\s+/g, ' ')}…"`);
    }
  }
  return found;
}

/**
 * Fails when the page shows a 12-digit code, a ULID, an English identifier, `seed`, `.md`, an error
 * code in brackets or an English sentence. `allow` lists texts the page may show as they are
 * (an objection number the user must copy). Use it on every page a journey visits.
 */
export async function expectNoCodesVisible(page: Page, options: { allow?: readonly string[]; label?: string } = {}): Promise<void> {
  const found = await codesVisible(page, options);
  if (found.length > 0) throw new Error(`${options.label ?? page.url()} shows codes instead of names:\n${found.slice(0, 20).join('\n')}`);
}
