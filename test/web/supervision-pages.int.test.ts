import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn } from './console-support.js';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';
import { visibleLeaks } from './sweep.js';

/**
 * The supervision pages (issue 17) in headless Chromium on the demo of 台儿庄: the poverty office
 * sees the 2018 assessment with each point explained and 泥沟镇's veto; the leading group approves
 * and publishes it; the ledger and the work teams with the coverage check; names, never codes.
 */
describe('supervision console pages', { timeout: 180_000 }, () => {
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
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('the poverty office reads the assessment with the explanation of each point and the veto', async () => {
    await signIn(page, cloud.url, '/supervision/assessment', '台儿庄区扶贫办');
    await page.getByRole('heading', { name: '年度考核' }).waitFor();
    const nigou = page.locator('.ant-table-row').filter({ hasText: '泥沟镇' });
    await nigou.waitFor();
    expect(await nigou.textContent()).toContain('不合格');
    expect(await nigou.textContent()).toContain('迟报、漏报、谎报、瞒报生产安全事故');
    await nigou.locator('.ant-table-row-expand-icon').click();
    await page.getByText('依据：《关于下达2018年度全区安全生产控制目标的通知》（台政发〔2018〕1号）第四条').waitFor();
    await page.getByText(/按期完成的年度任务数／年度任务数：1／2，得 15\.0 分/).waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'supervision-assessment-county');
  });

  it('the leading group approves and publishes; the 约谈 of 泥沟镇 is proposed', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, cloud.url, '/supervision/assessment', '台儿庄区扶贫开发领导小组');
    await page.getByRole('button', { name: '批准考核结果' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('约谈党政主要负责人').first().waitFor();
    const talk = page.locator('.ant-table-row').filter({ hasText: '约谈党政主要负责人' }).filter({ hasText: '泥沟镇' });
    await talk.waitFor();
    await page.getByRole('button', { name: '发布通报' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.locator('.ant-steps-item-process, .ant-steps-item-active').filter({ hasText: '已通报' }).waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'supervision-assessment-approved');
  });

  it('the ledger and the work teams show names and the coverage check', async () => {
    await page.goto(`${cloud.url}/staff/#/supervision/findings`);
    await page.getByRole('heading', { name: '整改台账' }).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '贫困户反映帮扶责任人未走访' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('已逾期');
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'supervision-findings');

    await page.goto(`${cloud.url}/staff/#/supervision/teams`);
    await page.getByRole('heading', { name: '驻村帮扶' }).waitFor();
    await page.getByText(/覆盖检查.*重点村 46 个/).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '侯塘村' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('第一书记');
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'supervision-teams');
    expect(errors).toEqual([]);
  });
});
