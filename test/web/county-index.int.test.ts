import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './console-support.js';
import { shot, useBrowserSystem } from './support.js';
import { expectNoCodesVisible } from './sweep.js';

/**
 * 脱贫攻坚总指数 in the console (seed 004 L885), in headless Chromium on the 台儿庄 demo: the statistics
 * office opens the year's index (no index yet, the survey's indicators missing), enters the survey in
 * a dialog (a score outside 1–5 is refused in Chinese), and the county then reads the index with its
 * four dimensions and 11 indicators. Only numbers are typed; no code or id on the page.
 */
describe('county index in the console (headless Chromium)', { timeout: 240_000 }, () => {
  const system = useBrowserSystem();
  let cloud: LocalCloud;
  let page: Page;
  beforeAll(() => {
    ({ cloud, page } = system);
  });

  it('the statistics office enters the survey; a score outside its scale is refused', async () => {
    await signIn(page, cloud.url, '/dispatch/county-index', '区统计局');
    await page.getByRole('heading', { name: '脱贫攻坚总指数' }).waitFor();
    await page.getByText(/暂不测算总指数/).waitFor();
    await page.getByText('帮扶责任人落实率').waitFor();
    await expectNoCodesVisible(page, { label: 'county index before the survey' });
    await page.getByRole('button', { name: '录入调查结果' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const fill = async (label: string, value: string) => dialog.getByLabel(label).fill(value);
    await fill('全县农村人口（人）', '280000');
    await fill('抽样户数', '300');
    await fill('其中识别准确户数', '294');
    await fill('其中已脱贫户数', '150');
    await fill('已脱贫户中退出准确户数', '147');
    await fill('知晓帮扶责任人户数', '288');
    await fill('帮扶工作满意度（1–5分）', '6');
    await fill('扶贫政策满意度（1–5分）', '4.3');
    await fill('脱贫结果认可度（1–5分）', '4.4');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog
      .getByText(/评分须在 1 到 5 分之间/)
      .first()
      .waitFor();
    await fill('帮扶工作满意度（1–5分）', '4.5');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('调查结果', { exact: true }).waitFor();
    await page.getByRole('button', { name: '修改调查结果' }).waitFor();
    await expectNoCodesVisible(page, { label: 'county index after the survey' });
    await shot(page, 'county-index-statistics');
  });

  it('the county reads the index with its four dimensions', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, cloud.url, '/dispatch/county-index', '台儿庄区扶贫办');
    await page.getByRole('heading', { name: '脱贫攻坚总指数' }).waitFor();
    await page.getByText('四方面得分（综合加权指数法）').waitFor();
    for (const name of ['减贫计划完成率', '脱贫精准度', '帮扶精准度', '群众满意度']) await page.getByRole('cell', { name, exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: '录入调查结果' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改调查结果' }).count()).toBe(0);
    await expectNoCodesVisible(page, { label: 'county index (county)' });
    await shot(page, 'county-index-county');
  });
});
