import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readXlsx, toCsv } from '../../packages/platform/src/tabular.js';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';

/**
 * The county office's 支付标准 (a new standard entered by one person, approved by another) and
 * 花名册发放 (bank file, bank results, re-issue) in headless Chromium: no JSON, code or id typed.
 */
const PERIOD = '2017-06';
const YEAR = new Date().getFullYear();

/** Nothing on the page a county user cannot read: no error codes, ids, English words or JSON. */
async function expectPlainChinese(page: Page) {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/\[[A-Z_]+\]|[{}]|\b[A-Z]{3,}_[A-Z_]+\b/);
  expect(text).not.toMatch(/\b(tez-|undefined|null|NaN|PENDING|APPROVED|person|monthly)\b/);
}

async function signInAs(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
  await page.getByLabel('演示账号').selectOption(username);
  await page.getByRole('button', { name: '登录' }).click();
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return readFileSync((await file.path()) as string);
}

describe('支付标准 and 花名册发放 in headless Chromium', { timeout: 180_000 }, () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const failures = explainFailures();

  beforeAll(async () => {
    const [dist, chrome] = await Promise.all([buildWeb(), launch()]);
    browser = chrome;
    cloud = await startSystem(inject('dynamoEndpoint'), dist);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    errors = watchErrors(page);
    failures.watch(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('the county enters a new 高龄补贴 standard, cannot approve its own entry; the leading group approves it and it is in force', async () => {
    await signInAs(page, `${cloud.url}/#/staff/standards`, 'county');
    await page.getByRole('heading', { name: '支付标准', exact: true }).waitFor();
    const row = page.getByRole('row', { name: /^高龄补贴/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('沿用2017年标准');
    await shot(page, 'standards-list');
    await page.getByRole('button', { name: '查看 高龄补贴' }).click();
    await page.getByRole('heading', { name: '高龄补贴' }).waitFor();

    // Band amounts in 元 under the API's band labels, a date, the document: missing ones are named by the field.
    await page.getByLabel(/^80—89周岁/).fill('40');
    await page.getByLabel(/^90—99周岁/).fill('80.5');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('#effectiveFrom-error').waitFor();
    expect(await page.locator('#documentNumber-error').textContent()).toBe('请填写文件文号');
    await shot(page, 'standards-entry-missing');
    await page.getByLabel('生效日期').fill(`${YEAR}-01-01`);
    await page.getByLabel('文件文号').fill(`台政办发〔${YEAR - 1}〕21号`);
    await page.getByLabel('文件标题').fill('关于提高高龄老人补贴标准的通知');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交，待另一人审核后生效。').waitFor();
    const pending = page.locator('#pending-1');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('80—89周岁 40.00 元；90—99周岁 80.50 元');
    expect(await page.locator('#standard-in-force').textContent()).toBe('80—89周岁 30.00 元；90—99周岁 60.00 元');

    // The maker may not review the entry: the server's Chinese refusal next to the button.
    await pending.getByRole('button', { name: '审核通过' }).click();
    await page.locator('#pending-1-approve-error').waitFor();
    expect(await page.locator('#pending-1-approve-error').textContent()).toBe('录入人不能审核自己录入的标准，须由另一人审核');
    await expectPlainChinese(page);
    await shot(page, 'standards-maker-refused');

    // A second entry, which the reviewer will send back.
    await page.getByRole('button', { name: '查看 城乡居民基础养老金' }).click();
    await page.getByRole('heading', { name: '城乡居民基础养老金' }).waitFor();
    await page.getByLabel('金额（元/人•月）').fill('150');
    await page.getByLabel('生效日期').fill(`${YEAR}-01-01`);
    await page.getByLabel('文件文号').fill(`台政发〔${YEAR - 1}〕9号`);
    await page.getByLabel('文件标题').fill('关于调整城乡居民基础养老金标准的通知');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('#pending-1').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByLabel('演示账号').selectOption('leading-group');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '支付标准' }).click();
    await page.getByRole('button', { name: '查看 高龄补贴' }).click();
    // The leading group reviews; entering is the county office's.
    expect(await page.getByRole('button', { name: '提交审核' }).count()).toBe(0);
    await page.locator('#pending-1').getByRole('button', { name: '审核通过' }).click();
    await page.locator('#standard-in-force', { hasText: '80—89周岁 40.00 元；90—99周岁 80.50 元' }).waitFor();
    expect(await page.locator('#pending-1').count()).toBe(0);
    expect(
      await page
        .getByRole('row', { name: /^高龄补贴/ })
        .first()
        .textContent(),
    ).toContain(`第 1 版（台政办发〔${YEAR - 1}〕21号，${YEAR}-01-01 起）`);
    await expectPlainChinese(page);
    await shot(page, 'standards-approved');

    // Sending back needs a reason; the version never applies.
    await page.getByRole('button', { name: '查看 城乡居民基础养老金' }).click();
    await page.locator('#pending-1').getByRole('button', { name: '退回' }).click();
    await page.getByRole('button', { name: '确认退回' }).click();
    expect(await page.locator('#pending-1-reason-error').textContent()).toBe('请填写退回理由');
    await page.getByLabel('退回理由').fill('文号与文件不符，请核对');
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.getByRole('cell', { name: '已退回（文号与文件不符，请核对）' }).waitFor();
    expect(await page.locator('#standard-in-force').textContent()).toBe('100.00 元');
    await shot(page, 'standards-rejected');
    expect(errors).toEqual([]);
  });

  it('the county approves a month’s roster, downloads the bank file, uploads the results with one failed line and re-issues it', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signInAs(page, `${cloud.url}/#/staff/subsidy`, 'county');
    await page.getByRole('heading', { name: '补贴测算与发放' }).waitFor();
    await page.locator('#run-period').fill(PERIOD);
    await page.getByRole('button', { name: '发起 / 续跑计算' }).click();
    await page.getByText(/^计算完成/).waitFor({ timeout: 120_000 });

    await page.getByRole('link', { name: '花名册发放' }).click();
    await page.getByRole('heading', { name: '花名册发放' }).waitFor();
    await page.getByLabel('发放月份（年）').selectOption('2017');
    await page.getByLabel('发放月份（月）').selectOption('06');
    await page.locator('#roster-status', { hasText: '已计算，待审核' }).waitFor();
    await shot(page, 'payments-before-approval');
    await page.getByRole('button', { name: '审核通过花名册' }).click();
    await page.locator('#roster-status', { hasText: '已审核' }).waitFor();

    // The bank file is a real download, an XLSX workbook the test reads back.
    const workbook = readXlsx(await download(page, '下载 Excel 文件'));
    const [header, ...rows] = workbook[0]?.rows ?? [];
    expect(header?.[0]).toBe('业务编号');
    expect(rows.length).toBeGreaterThan(5);
    const csv = (await download(page, '下载 CSV 文件')).toString('utf8');
    expect(csv).toContain('业务编号');
    expect(await page.locator('main').textContent()).not.toContain(rows[0]?.[0] as string);
    await shot(page, 'payments-approved');

    const dir = mkdtempSync(join(tmpdir(), 'jz-results-'));
    const amountAt = (header as string[]).indexOf('金额（元）');
    const results = rows.map((r, i) => [r[0] as string, i === 0 ? '失败' : '成功', i === 0 ? '账户已销户' : '', r[amountAt] as string]);
    const resultHeader = ['业务编号', '发放结果', '失败原因', '金额（元）'];

    // A refused file: the per-row report (row number and Chinese reason), nothing imported.
    const bad = join(dir, '发放结果-有误.csv');
    writeFileSync(bad, toCsv([resultHeader, ...results.slice(0, 2), [results[2]?.[0] as string, '失败', '', '']]));
    await page.getByLabel(/银行返回的发放结果文件/).setInputFiles(bad);
    await page.getByRole('button', { name: '导入发放结果' }).click();
    const problems = page.getByRole('region', { name: '不合格的行（整份文件未导入）' });
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/第 4 行[\u4e00-\u9fff]/);
    await expectPlainChinese(page);
    await shot(page, 'payments-results-refused');

    const good = join(dir, '发放结果.csv');
    writeFileSync(good, toCsv([resultHeader, ...results]));
    await page.getByLabel(/银行返回的发放结果文件/).setInputFiles(good);
    await page.getByRole('button', { name: '导入发放结果' }).click();
    await page.getByText(`已导入 ${results.length} 行：发放成功 ${results.length - 1} 笔，发放失败 1 笔`).waitFor();
    await shot(page, 'payments-results-imported');

    // The re-issue asks first, then carries the one failed line, and its bank file downloads.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: '生成补发花名册' }).click();
    const failedYuan = Number(results[0]?.[3]).toFixed(2);
    await page.getByText(new RegExp(`已生成第 1 批补发花名册：1 笔，合计 ${failedYuan.replace('.', '\\.')}`)).waitFor();
    expect(asked).toContain('补发');
    const reissue = readXlsx(await download(page, '下载补发 Excel 文件'));
    expect(reissue[0]?.rows.slice(1).map((r) => r[0])).toEqual([results[0]?.[0]]);
    await expectPlainChinese(page);
    await shot(page, 'payments-reissued');
    expect(errors).toEqual([]);
  });
});
