import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { call } from '@jingzhun/local-cloud/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from './console-support.js';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';
import { visibleLeaks } from './sweep.js';

/**
 * The funds pages of the staff console in headless Chromium, on the 台儿庄 demo data: the county
 * reads the year's funds with the factor-method explanation and the monitoring flags, opens a
 * project being implemented and records a milestone with its photo as a file; the village reads its
 * asset and the income each household got, by name. No code, id or JSON on any page.
 */
describe('funds pages in headless Chromium', { timeout: 240_000 }, () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const failures = explainFailures();

  beforeAll(async () => {
    const [dist, chrome] = await Promise.all([buildWeb(), launch()]);
    browser = chrome;
    cloud = await startSystem(inject('dynamoEndpoint'), dist);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    failures.watch(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('the county reads the funds, their allocation by factors and the monitoring flags', async () => {
    await signIn(page, cloud.url, '/funds/funds', '台儿庄区扶贫办');
    await page.getByRole('heading', { name: '资金分配' }).waitFor();
    const row = page.getByRole('row', { name: /2019年中央财政专项扶贫资金/ });
    await row.waitFor();
    await row.getByRole('button').first().click(); // expand
    await page
      .getByText(/因素法分配/)
      .first()
      .waitFor();
    await page.getByText('涧头集镇').first().waitFor();
    // The city's money arrived in May and was never allocated: idle.
    await page.getByText('资金闲置').first().waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'funds-allocations-county');
  });

  it('the county records a milestone of a project being implemented, with its photo as a file', async () => {
    await page.goto(`${cloud.url}/staff/#/funds/projects`);
    await page.getByRole('heading', { name: '项目库' }).waitFor();
    await page.getByRole('link', { name: '侯塘村生产路硬化' }).click();
    await page.getByRole('heading', { name: '侯塘村生产路硬化' }).waitFor();
    await page.getByRole('button', { name: '登记进度' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('节点名称').fill('路面浇筑');
    await dialog.getByLabel('日期').fill('2019-10-20');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('完成进度（%）').fill('85');
    await dialog.locator('input[type=file]').setInputFiles({ name: '路面浇筑.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('photo') });
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByRole('cell', { name: '路面浇筑', exact: true }).waitFor();
    await page.getByText('进度照片：路面浇筑.jpg').waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'funds-project-milestone');
  });

  it('the village reads its asset and what each household got from its income, by name', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, cloud.url, '/funds/assets', '冯庄村两委');
    await page.getByRole('heading', { name: '资产与收益分配' }).waitFor();
    const row = page.getByRole('row', { name: /冯庄村光伏扶贫电站/ });
    await row.waitFor();
    await row.getByRole('button').first().click();
    // Each month's PV income, and its distribution: the collective's part and each household's, by the head's name.
    await page.getByText('光伏发电电费（供电公司按月结算）').first().waitFor();
    await page.getByText(/2019-11 分配 .* 纳入孝善养老基金/).waitFor();
    expect(await page.getByRole('columnheader', { name: '户主' }).count()).toBeGreaterThan(0);
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'funds-assets-village');
    expect(errors).toEqual([]);
  });

  it('the household card shows the asset income the household got, and why it is not in the 2017 income', async () => {
    // A beneficiary of the PV station, found through the API (the cadre would click it in the roster).
    const token = await cloud.login('village-fengzhuang');
    const listed = await call(cloud, 'GET', '/households?region=370405103201&limit=50', { token });
    let householdId = '';
    for (const { householdId: id } of listed.body.items as { householdId: string }[]) {
      const card = await call(cloud, 'GET', `/households/${id}`, { token });
      if (card.body.distributions?.length > 0) {
        householdId = id;
        break;
      }
    }
    expect(householdId).not.toBe('');
    await page.goto(`${cloud.url}/staff/#/households/${householdId}`);
    const card = page.locator('.ant-card', { hasText: '资产收益分配' });
    await card.getByRole('columnheader', { name: '金额（元）' }).waitFor();
    await card.getByText('冯庄村光伏扶贫电站').first().waitFor();
    await card.getByText('2019年11月').first().waitFor();
    await card.getByText('折股量化').first().waitFor();
    await card
      .getByText(/未计入/)
      .first()
      .waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'household-card-asset-income');
    expect(errors).toEqual([]);
  });
});
