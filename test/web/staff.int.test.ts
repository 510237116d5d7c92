import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { call } from '@jingzhun/local-cloud/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';

const FENGZHUANG = '370405103201';

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

  it('signs in, searches households, opens one and submits it for exit with evidence (errors shown next to the field)', async () => {
    await page.goto(`${cloud.url}/#/staff/households`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByLabel('演示账号').selectOption('town-jiantouji');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '农户查询' }).waitFor();

    // A malformed region code: the contract's check, in Chinese, next to the field.
    await page.getByLabel('区划代码').fill('3704');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#hh-region-error').waitFor();
    expect(await page.locator('#hh-region-error').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'staff-search-error');

    await page.getByLabel('区划代码').fill(FENGZHUANG);
    await page.getByLabel('状态').selectOption('REGISTERED');
    await page.getByRole('button', { name: '查询' }).click();
    const firstHousehold = page.getByRole('table').getByRole('link').first();
    await firstHousehold.waitFor();
    await shot(page, 'staff-search-results');
    const headName = (await firstHousehold.textContent())?.trim() ?? '';
    await firstHousehold.click();
    await page.getByRole('heading', { name: `${headName} 户` }).waitFor();
    expect(await page.locator('#hh-status-value').textContent()).toBe('在册贫困户');

    // PRE_EXIT needs the list as evidence: submitting without it shows the service's message by the evidence.
    await page.getByLabel('操作', { exact: true }).selectOption('PRE_EXIT');
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('#evidence-error').waitFor();
    expect(await page.locator('#evidence-error').textContent()).toMatch(/缺少证据材料/);
    await shot(page, 'staff-exit-evidence-missing');

    await page.getByLabel('材料 1 编号或文号').fill('涧头集镇2019年拟退出名单第3号');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交：当前环节 列入拟退出名单（PRE_EXIT）').waitFor();
    await page.locator('#hh-workflow', { hasText: 'PRE_EXIT' }).waitFor();
    await shot(page, 'staff-exit-submitted');

    const householdId = page.url().split('/').pop() as string;
    const check = await call(cloud, 'GET', `/households/${householdId}`, { token: await cloud.login('town-jiantouji') });
    expect(check.body.workflow).toMatchObject({ kind: 'exit', state: 'PRE_EXIT' });

    // A step out of order: the refusal and the allowed steps appear next to the action.
    await page.getByLabel('操作', { exact: true }).selectOption('FILE');
    await page.getByLabel('材料 1 编号或文号').fill('备案');
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('#action-error').waitFor();
    expect(await page.locator('#action-error').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(errors).toEqual([]);
  });

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
