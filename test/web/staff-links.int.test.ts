import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { startTestCloud } from '@jingzhun/local-cloud/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { services } from '../../services/registry.js';
import { buildWeb, launch, watchErrors } from './support.js';

/**
 * Staff addresses reaching the board's page (issue 14, path URLs): `#/staff…` and `/staff…` go to
 * `/staff/#/…`, the console's own entry (staff/index.html) with its hash route.
 */
describe('staff links from the board', { timeout: 120_000 }, () => {
  let browser: Browser;
  let dist: string;
  const clouds: LocalCloud[] = [];

  beforeAll(async () => {
    [dist, browser] = await Promise.all([buildWeb(), launch()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    for (const cloud of clouds) await cloud.stop();
  });

  it('sends old staff links to the console page with its hash route', async () => {
    const cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: false, staticDir: dist });
    clouds.push(cloud);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${cloud.url}/#/staff/households`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/');
    expect(new URL(page.url()).hash).toBe('#/households');
    await page.goto(`${cloud.url}/staff/dispatch`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/dispatch');
    // The board's own link to the staff sign-in.
    await page.goto(`${cloud.url}/objection`);
    await page.getByRole('heading', { name: '异议处理结果查询' }).waitFor();
    await page.getByRole('link', { name: '工作人员登录' }).click();
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/');
    expect(errors).toEqual([]);
    await page.close();
  });
});
