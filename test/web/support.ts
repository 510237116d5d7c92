import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { startTestCloud } from '@jingzhun/local-cloud/testing';
import { buildWeb as buildLocalWeb } from '@jingzhun/local-cloud/web';
import { openApiHandler } from '@jingzhun/platform/openapi';
import { type Browser, chromium, type Page } from 'playwright-core';
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
