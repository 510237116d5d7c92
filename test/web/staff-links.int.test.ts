import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { startTestCloud } from '@jingzhun/local-cloud/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { services } from '../../services/registry.js';
import { buildWeb, launch, watchErrors } from './support.js';

/**
 * Staff addresses reaching the board's page (issue 14, path URLs): `#/staff…` and `/staff…` open the
 * old console from the board's entry while the build has no console page of its own, and go to
 * `/staff/#/…` once it has one (the console's second entry, staff/index.html).
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

  it('opens the old console from the board while the build has no console page', async () => {
    const cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: false, staticDir: dist });
    clouds.push(cloud);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${cloud.url}/#/staff/households`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.goto(`${cloud.url}/objection`);
    await page.getByRole('heading', { name: '异议处理结果查询' }).waitFor();
    await page.getByRole('link', { name: '工作人员登录' }).click();
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(page.url()).toContain('/#/staff');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends old staff links to the console page once the build has one', async () => {
    const withConsole = mkdtempSync(join(tmpdir(), 'jz-web-staff-'));
    for (const entry of readdirSync(dist)) cpSync(join(dist, entry), join(withConsole, entry), { recursive: true });
    mkdirSync(join(withConsole, 'staff'), { recursive: true });
    writeFileSync(join(withConsole, 'staff/index.html'), '<!doctype html><html lang="zh-CN"><title>工作台</title><h1>工作台首页</h1></html>');
    const cloud = await startTestCloud(inject('dynamoEndpoint'), services, { demo: false, staticDir: withConsole });
    clouds.push(cloud);
    const page = await browser.newPage();
    await page.goto(`${cloud.url}/#/staff/households`);
    await page.getByRole('heading', { name: '工作台首页' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/');
    expect(new URL(page.url()).hash).toBe('#/households');
    await page.goto(`${cloud.url}/staff/dispatch`);
    await page.getByRole('heading', { name: '工作台首页' }).waitFor();
    await page.close();
  });
});
