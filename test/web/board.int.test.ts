import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { call } from '@jingzhun/local-cloud/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';

const FENGZHUANG = '370405103201';

// A browser flow takes many round trips; on a loaded 2-core machine 30 s is too tight.
describe('public notice board in headless Chromium', { timeout: 90_000 }, () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let page: Page;
  let noticeId: string;
  let errors: string[];
  const failures = explainFailures();

  beforeAll(async () => {
    const t0 = Date.now();
    const [dist, chrome] = await Promise.all([buildWeb(), launch()]);
    browser = chrome;
    const t1 = Date.now();
    cloud = await startSystem(inject('dynamoEndpoint'), dist, (line) => console.log(new Date().toISOString(), line));
    console.log(`web build + chromium ${t1 - t0} ms, system with demo data ${Date.now() - t1} ms`);
    const token = await cloud.login('village-fengzhuang');
    const created = await call(cloud, 'POST', '/notices', {
      token,
      body: {
        type: 'exit-village-notice',
        region: FENGZHUANG,
        title: '冯庄村2019年拟退出贫困户公示',
        publish: true,
        entries: [
          { entryId: 'hh-1', fullName: '张三丰', group: '一组', region: FENGZHUANG, regionName: '冯庄村', fields: { size: 3, action: '拟脱贫退出' } },
          { entryId: 'hh-2', fullName: '李四', group: '二组', region: FENGZHUANG, regionName: '冯庄村', fields: { size: 2, action: '拟脱贫退出' } },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    noticeId = created.body.noticeId;
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    failures.watch(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('picks county → town → village, sees the open notice with masked names, and lodges an objection', async () => {
    await page.goto(`${cloud.url}/`);
    await page.getByRole('heading', { name: '扶贫公示公告查询' }).waitFor();
    await page.getByLabel('区县').selectOption({ label: '台儿庄区' });
    await page.getByLabel('镇（街道）').selectOption({ label: '涧头集镇' });
    await page.getByLabel('村', { exact: true }).selectOption({ label: '冯庄村' });
    await page.getByRole('heading', { name: '冯庄村' }).waitFor();
    await page.getByRole('link', { name: '冯庄村2019年拟退出贫困户公示' }).waitFor();
    await page.getByText('扶贫资金分配和项目公开').waitFor();
    await page
      .getByRole('link', { name: /涧头集镇2018年扶贫项目/ })
      .first()
      .waitFor();
    await shot(page, 'board-village');

    await page.getByRole('link', { name: '冯庄村2019年拟退出贫困户公示' }).click();
    await page.getByRole('heading', { name: '冯庄村2019年拟退出贫困户公示' }).waitFor();
    const table = page.getByRole('table');
    await table.getByText('张**').waitFor();
    expect(await page.content()).not.toContain('张三丰');
    await shot(page, 'board-notice');

    await page.getByRole('button', { name: '对第 1 条提出异议' }).click();
    // Empty reason: the service refuses; the Chinese message appears next to the reason field.
    await page.getByRole('button', { name: '提交异议' }).click();
    const reasonError = page.locator('#objection-reason-error');
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toMatch(/请填写/);
    expect(await page.getByLabel('异议内容').getAttribute('aria-invalid')).toBe('true');
    // A malformed contact: message next to the contact field.
    await page.getByLabel('异议内容').fill('该户家中仍有重病人员，收入不稳定，不应退出。');
    await page.getByLabel('联系电话（可不填）').fill('abc');
    await page.getByRole('button', { name: '提交异议' }).click();
    await page.locator('#objection-contact-error').waitFor();
    await shot(page, 'board-objection-errors');
    await page.getByLabel('联系电话（可不填）').fill('13800138000');
    await page.getByRole('button', { name: '提交异议' }).click();
    await page.getByRole('heading', { name: '异议已受理' }).waitFor();
    const objectionId = (await page.locator('.objection-id').textContent())?.trim();
    expect(objectionId).toMatch(/^[0-9A-Z]{10,40}$/);
    await shot(page, 'board-objection-lodged');

    const staff = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: await cloud.login('village-fengzhuang') });
    expect(staff.body.items).toEqual([expect.objectContaining({ objectionId, entryNo: 1, contact: '13800138000', status: 'open' })]);
    expect(errors).toEqual([]);
  });

  it('a lost connection is explained in Chinese with a retry, never a blank page', async () => {
    await page.route('**/public/villages/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${cloud.url}/#/?county=370405000000&town=370405103000&village=${FENGZHUANG}`);
    const alert = page.getByRole('alert').filter({ hasText: '网络连接中断' });
    await alert.waitFor({ timeout: 20_000 }).catch(async (error) => {
      await shot(page, 'board-offline-failed');
      // biome-ignore lint/performance/useDomNodeTextContent: this is Playwright's Locator.innerText() (rendered text with line breaks, for a readable failure message), not a DOM node property
      throw new Error(`${error}\n${await page.locator('main').innerText()}`);
    });
    await shot(page, 'board-offline');
    await page.unroute('**/public/villages/**');
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByRole('link', { name: '冯庄村2019年拟退出贫困户公示' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('serves /openapi.json from the same server', async () => {
    const doc = await call(cloud, 'GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/public/notices/{noticeId}/objections'].post.operationId).toBe('notices.public.objection');
  });
});
