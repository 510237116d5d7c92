import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from './console-support.js';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';
import { visibleLeaks } from './sweep.js';

/**
 * The dispatch report page (issue 21) in headless Chromium, on the demo month (October 2019 in
 * 台儿庄区): targets with progress, trend and owner, charts against the expected progress and by
 * town, the 月调度 filings with the late and missing units, the overdue list per owner.
 */
describe('the dispatch report page (月调度报告) in headless Chromium', { timeout: 180_000 }, () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const failures = explainFailures();

  beforeAll(async () => {
    const [dist, chrome] = await Promise.all([buildWeb(), launch()]);
    browser = chrome;
    cloud = await startSystem(inject('dynamoEndpoint'), dist);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    failures.watch(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('opens on the last closed month and says when its report is not built yet', async () => {
    await signIn(page, cloud.url, '/dispatch/report', '台儿庄区扶贫办');
    await page.getByRole('heading', { name: '月调度报告' }).waitFor();
    await page.getByText('的调度报告尚未生成').waitFor();
    expect(await page.getByRole('button', { name: '生成报告' }).isVisible()).toBe(true);
    expect(await visibleLeaks(page)).toEqual([]);
  });

  it('shows October 2019: lagging targets, late and missing units, overdue filings per owner, charts', async () => {
    await page.goto(`${cloud.url}/staff/#/dispatch/report?period=2019-10`);
    await page.getByText('目标与指标').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    // Targets with their state, trend and owner.
    const pension = page.locator('.ant-table-row').filter({ hasText: '建档立卡贫困户参加居民基本养老保险比率' });
    expect(await pension.textContent()).toContain('区人社局');
    expect(await pension.textContent()).toContain('向好');
    expect(main).toContain('滞后');
    // 月调度: late and missing units by name.
    expect(main).toMatch(/逾期报送：区财政局（2天）、区公安分局（4天）、运河街道（6天）、泥沟镇（3天）/);
    expect(main).toContain('邳庄镇');
    // The overdue list per owner: 水务局's second half of October.
    const water = page.locator('.ant-table-row').filter({ hasText: '水务扶贫半月调度' }).filter({ hasText: '逾期' });
    expect(await water.first().textContent()).toContain('2019年10月下半月');
    // Two charts drawn.
    expect(await page.locator('[role="img"] canvas').count()).toBe(2);
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'console-dispatch-report-2019-10');
    expect(errors).toEqual([]);
  });

  it('a town sees its own report; the charts compare its villages', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, cloud.url, '/dispatch/report?period=2019-10', '涧头集镇');
    await page.getByText('目标与指标').waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'console-dispatch-report-town');
  });
});
