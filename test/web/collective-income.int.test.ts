import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pick, signIn } from './console-support.js';
import { shot, useBrowserSystem } from './support.js';
import { expectNoCodesVisible } from './sweep.js';

/**
 * 村级集体经济台账 in the console (seed 004 L75), in headless Chromium on the 台儿庄 demo: the county
 * picks a village by town and name, reads its collective income by year and source, and records a
 * 发包 income by choosing the year and the source; the village cadre reads its own ledger and may not
 * record. Nothing is typed but the amount and its description; no code or id on the page.
 */
describe('village collective economy ledger in the console (headless Chromium)', { timeout: 240_000 }, () => {
  const system = useBrowserSystem();
  let cloud: LocalCloud;
  let page: Page;
  let errors: string[];
  beforeAll(() => {
    ({ cloud, page, errors } = system);
  });

  it('the county picks 侯塘村, reads its ledger and records a 发包 income', async () => {
    await signIn(page, cloud.url, '/collective-income', '台儿庄区扶贫办');
    await page.getByRole('heading', { name: '村级集体经济台账' }).waitFor();
    await page.getByText('请选择一个村查看其集体经济台账').waitFor();
    await page.getByLabel('村', { exact: true }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '张山子镇' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '侯塘村' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('各年度集体收入').waitFor();
    await page.getByRole('cell', { name: '2019年' }).first().waitFor();
    await page
      .getByText(/发包收入/)
      .first()
      .waitFor();
    await expectNoCodesVisible(page, { label: 'collective ledger (county)' });
    await shot(page, 'collective-ledger-county');

    await page.getByRole('button', { name: '登记集体收入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '登记' }).click();
    await dialog.getByText('请选择年度').waitFor();
    await pick(page, '年度', '2019年');
    await pick(page, '收入来源', '租赁收入');
    await dialog.getByLabel('金额（元）').fill('4321.5');
    await dialog.getByLabel('说明').fill('村集体鱼塘租赁');
    await dialog.getByRole('button', { name: '登记' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '村集体鱼塘租赁' }).waitFor();
    await page
      .getByText(/租赁收入 ¥?4,321\.50|租赁收入 4,321\.50/)
      .first()
      .waitFor();
    await expectNoCodesVisible(page, { label: 'collective ledger after recording' });
    await shot(page, 'collective-ledger-recorded');
  });

  it('the village cadre reads its own ledger and is not offered recording', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, cloud.url, '/collective-income', '侯塘村两委');
    await page.getByText('各年度集体收入').waitFor();
    await page.getByRole('cell', { name: '村集体鱼塘租赁' }).waitFor();
    expect(await page.getByRole('button', { name: '登记集体收入' }).count()).toBe(0);
    await expectNoCodesVisible(page, { label: 'collective ledger (village)' });
    expect(errors).toEqual([]);
  });
});
