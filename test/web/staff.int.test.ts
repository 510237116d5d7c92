import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';

// A browser flow takes many round trips; on a loaded 2-core machine 30 s is too tight.
describe('staff console in headless Chromium', { timeout: 90_000 }, () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const failures = explainFailures();

  beforeAll(async () => {
    const [dist, chrome] = await Promise.all([buildWeb(), launch()]);
    browser = chrome;
    cloud = await startSystem(inject('dynamoEndpoint'), dist);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    failures.watch(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  // The household pages moved to the React console: test/web/console-identification.int.test.ts.
  it('renders the dispatch charts (progress vs target by town, trend by month) with data', async () => {
    // The county office reads the dispatch report for all its towns: sign in again as the county.
    // The token is gone from storage (as when it expires): the API refuses the page's requests and
    // the page asks for the sign-in where it is, then returns to 月调度, not to the household list.
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.goto(`${cloud.url}/#/staff/dispatch`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/staff/dispatch');
    await page.getByLabel('演示账号').selectOption('county');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '月调度', exact: true }).waitFor();
    await page.getByLabel('指标').selectOption('stock.hh.poor');
    await page.getByRole('button', { name: '生成图表' }).click();
    const bars = page.locator('#chart-by-town svg .bar rect');
    await bars.first().waitFor({ timeout: 30_000 });
    expect(await bars.count()).toBe(6);
    const widths = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(Math.max(...widths)).toBeGreaterThan(1);
    const points = page.locator('#chart-trend svg circle.point');
    await points.first().waitFor();
    expect(await points.count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('#chart-trend svg path.actual-line').getAttribute('d')).toMatch(/^M/);
    expect(await page.locator('#chart-by-town svg').getAttribute('role')).toBe('img');
    await shot(page, 'staff-dispatch-charts');
    expect(errors).toEqual([]);
  });
});
