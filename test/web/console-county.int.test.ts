import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { readUpload, toCsv } from '@jingzhun/platform/tabular';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './console-support.js';
import { shot, useBrowserSystem } from './support.js';
import { visibleLeaks } from './sweep.js';

/**
 * The county office's journey in the new console (issue 14, Must show): it drafts a notice by
 * ticking households, previews the masked board copy, publishes it, prints and exports it with its
 * token, handles an objection; runs the month, approves the roster, downloads the bank file (an
 * XLSX the platform's reader parses), imports the bank's results with amounts; quotes a household
 * found by its head's name; enters a payment standard that another person reviews. No JSON, code
 * or id is typed, and every page passes the sweep.
 */
const PERIOD = '2017-06';
const YEAR = new Date().getFullYear();

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return readFileSync((await file.path()) as string);
}

/** Clicks the primary button of the open confirmation dialog. */
async function confirm(page: Page, button: string): Promise<void> {
  await page.locator('.ant-modal-confirm').getByRole('button', { name: button, exact: true }).click();
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
}

async function expectNoLeaks(page: Page): Promise<void> {
  expect(await visibleLeaks(page)).toEqual([]);
}

describe('the county office in the staff console (React + Ant Design) in headless Chromium', { timeout: 300_000 }, () => {
  const system = useBrowserSystem({ acceptDownloads: true });
  let cloud: LocalCloud;
  let page: Page;
  let errors: string[];
  beforeAll(() => {
    ({ cloud, page, errors } = system);
  });

  it('drafts a notice from ticked households, previews it masked, publishes it after confirming, prints and exports it, and decides an objection', async () => {
    await signIn(page, cloud.url, '/notices', '台儿庄区扶贫办');
    await page.getByRole('heading', { name: '公示公告' }).waitFor();
    await expectNoLeaks(page);
    await shot(page, 'county-notices-list');

    await page.getByRole('button', { name: '起草公示' }).click();
    await page.getByRole('heading', { name: '起草公示' }).waitFor();
    // The place is picked (town, then village); the households are ticked from that village's register.
    await page.getByLabel('发布区划').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '涧头集镇' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '冯庄村' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('请填写标题').waitFor();
    await page.getByRole('button', { name: /^使用“/ }).click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('请在下方名单中勾选要公示的农户').waitFor();
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    const names = [(await rows.nth(0).locator('td').nth(1).textContent()) ?? '', (await rows.nth(1).locator('td').nth(1).textContent()) ?? ''];
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    await page.getByText('已选 2 户').waitFor();
    await expectNoLeaks(page);
    await shot(page, 'county-notice-draft');
    await page.getByRole('button', { name: '保存草稿' }).click();

    // The draft's page: the online copy as the board shows it, names masked.
    await page.locator('#notice-status', { hasText: '草稿' }).waitFor();
    const preview = page.getByRole('tabpanel');
    await preview.locator('.ant-table-row').nth(1).waitFor();
    const previewText = (await preview.textContent()) ?? '';
    for (const name of names) {
      expect(previewText).not.toContain(name);
      expect(previewText).toContain(`${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`);
    }
    await expectNoLeaks(page);
    await shot(page, 'county-notice-preview');

    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByText(/公示期自次日起算/)
      .waitFor();
    await shot(page, 'county-notice-publish-confirm');
    await confirm(page, '发布');
    await page.locator('#notice-status', { hasText: '已发布' }).waitFor();

    // 打印版 opens the page fetched with the token (no UNAUTHENTICATED); the export downloads a workbook.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印版（含全名）' }).click()]);
    await popup.waitForLoadState();
    await popup.waitForFunction(() => (document.body?.textContent ?? '').length > 0);
    const printed = await popup.evaluate(() => document.body.textContent ?? '');
    expect(printed).not.toContain('UNAUTHENTICATED');
    for (const name of names) expect(printed).toContain(name);
    await shot(popup, 'county-notice-print');
    await popup.close();
    const exported = readUpload('xlsx', (await download(page, '导出 Excel（含全名）')).toString('base64'));
    expect(exported.flat().join(' ')).toContain(names[0] as string);

    // An objection recorded for a villager who came to the office, investigated and decided on the notice.
    await page.getByRole('tab', { name: /^异议/ }).click();
    await page.getByLabel('针对条目').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: names[1] as string })
      .click();
    await page.getByLabel('异议内容').fill('该户家中有人在外地务工，收入较高');
    await page.getByRole('button', { name: '登记异议' }).click();
    await page.getByText('该户家中有人在外地务工，收入较高').waitFor();
    await page.getByLabel('调查情况').fill('经入户核实，务工收入已计入，人均收入仍低于标准');
    await page.getByRole('button', { name: '记录调查情况' }).click();
    await page.getByText(/调查情况：经入户核实/).waitFor();
    await page.getByRole('button', { name: '提交结论' }).click();
    await page.getByText('请填写结论理由').waitFor();
    await page.getByLabel('结论理由').fill('经核实收入已计入，异议不成立，已书面答复');
    await page.getByRole('button', { name: '提交结论' }).click();
    await confirm(page, '提交结论');
    await page.getByText(/处理结论：异议不成立/).waitFor();
    await expectNoLeaks(page);
    await shot(page, 'county-notice-objection-decided');
    expect(errors).toEqual([]);
  });

  let bankRows: string[][] = [];

  it('runs the month for its own county with live progress, approves the roster after confirming and downloads an XLSX that parses', async () => {
    await page.goto(`${cloud.url}/staff/#/subsidy/runs?period=${PERIOD}`);
    await page.getByRole('heading', { name: '月度发放' }).waitFor();
    await page.getByText('2017年6月尚未计算发放花名册').waitFor();
    await expectNoLeaks(page);
    await page.getByRole('button', { name: '开始计算' }).click();
    // Progress or the result: a small demo may finish between two reads.
    await page.locator('#run-progress, #run-status').first().waitFor({ timeout: 60_000 });
    if (await page.locator('#run-progress').count()) {
      expect(await page.locator('#run-progress').textContent()).toMatch(/已完成 \d+ \/ \d+ 户/);
      await shot(page, 'county-run-progress');
    }
    await page.locator('#run-status', { hasText: '已计算，待审核' }).waitFor({ timeout: 200_000 });
    const byItem = page.getByRole('table').first();
    await byItem.getByText('合计').waitFor();
    await page.getByText('涧头集镇').first().waitFor();
    await expectNoLeaks(page);
    await shot(page, 'county-run-completed');

    await page.getByRole('button', { name: '审核通过花名册' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByText(/审核通过后可导出一卡通银行发放文件/)
      .waitFor();
    await confirm(page, '审核通过');
    await page.locator('#run-status', { hasText: '已审核' }).waitFor();
    const workbook = readUpload('xlsx', (await download(page, '下载银行发放文件（Excel）')).toString('base64'));
    const [header, ...rows] = workbook;
    expect(header?.[0]).toBe('业务编号');
    expect(rows.length).toBeGreaterThan(3);
    bankRows = workbook;
    expect(await page.locator('main').textContent()).not.toContain(rows[0]?.[0] as string);
    const csv = (await download(page, '下载银行发放文件（CSV）')).toString('utf8');
    expect(csv).toContain('业务编号');
    // The roster's lines of one village, by name.
    await page.getByLabel('村', { exact: true }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '涧头集镇' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '冯庄村' }).click();
    await page.keyboard.press('Escape');
    await page.locator('.ant-card', { hasText: '花名册明细' }).locator('.ant-table-row').first().waitFor();
    await expectNoLeaks(page);
    await shot(page, 'county-run-approved');
    expect(errors).toEqual([]);
  });

  it('imports the bank’s results: a refused file shows its rows, a good one the paid and failed amounts; the failed line is re-issued', async () => {
    await page.goto(`${cloud.url}/staff/#/subsidy/payments?period=${PERIOD}`);
    await page.getByRole('heading', { name: '发放结果', exact: true }).waitFor();
    const [header, ...rows] = bankRows;
    const amountAt = (header as string[]).indexOf('金额（元）');
    const results = rows.map((r, i) => [r[0] as string, i === 0 ? '失败' : '成功', i === 0 ? '账户已销户' : '', r[amountAt] as string]);
    const resultHeader = ['业务编号', '发放结果', '失败原因', '金额（元）'];
    const dir = mkdtempSync(join(tmpdir(), 'jz-county-'));
    const bad = join(dir, '发放结果-有误.csv');
    writeFileSync(bad, toCsv([resultHeader, ...results.slice(0, 2), [results[2]?.[0] as string, '失败', '', '']]));
    await page.locator('#results-file-0').setInputFiles(bad);
    await page.getByRole('button', { name: '导入发放结果' }).click();
    const problems = page.getByRole('region', { name: '不合格的行（整份文件未导入）' });
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/第 4 行[\u4e00-\u9fff]/);
    await expectNoLeaks(page);
    await shot(page, 'county-payments-refused');

    const good = join(dir, '发放结果.csv');
    writeFileSync(good, toCsv([resultHeader, ...results]));
    await page.locator('#results-file-0').setInputFiles(good);
    await page.getByRole('button', { name: '导入发放结果' }).click();
    const failedYuan = Number(results[0]?.[3]).toFixed(2);
    const report = page.locator('#results-report');
    await report.waitFor();
    expect(await report.textContent()).toMatch(new RegExp(`发放失败 1 笔 ${failedYuan.replace('.', '\\.')} 元`));
    expect(await report.textContent()).toContain('账户已销户');
    await expectNoLeaks(page);
    await shot(page, 'county-payments-imported');

    await page.getByRole('button', { name: '生成补发花名册' }).click();
    await confirm(page, '生成');
    await page.getByText(new RegExp(`已生成第 1 批补发花名册：1 笔，合计 ${failedYuan.replace('.', '\\.')}`)).waitFor();
    const reissue = readUpload('xlsx', (await download(page, '下载补发文件（Excel）')).toString('base64'));
    expect(reissue.slice(1).map((r) => r[0])).toEqual([results[0]?.[0]]);
    await expectNoLeaks(page);
    await shot(page, 'county-payments-reissued');
    expect(errors).toEqual([]);
  });

  it('quotes a household found by its head’s name: lines in Chinese with members’ names and the document as the source', async () => {
    const [header, ...rows] = bankRows;
    const head = rows[0]?.[(header as string[]).indexOf('户主')] as string;
    await page.goto(`${cloud.url}/staff/#/subsidy/quote`);
    await page.getByRole('heading', { name: '享受政策测算' }).waitFor();
    await page.getByRole('button', { name: '测算' }).click();
    await page.getByText('请输入户主姓名并选择农户').waitFor();
    await page.getByLabel('农户').fill(head);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: head }).first().click();
    await page.getByLabel('月份').click();
    await page.getByLabel('月份').fill(PERIOD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '测算' }).click();
    await page.locator('#quote-total').waitFor();
    const table = (await page.locator('.ant-card', { hasText: '享受政策' }).last().textContent()) ?? '';
    expect(table).toMatch(/《[^》]+》/);
    expect(table).toContain('应发');
    await expectNoLeaks(page);
    await shot(page, 'county-quote');
    expect(errors).toEqual([]);
  });

  it('enters a new 高龄补贴 standard that its maker cannot approve; the leading group approves it', async () => {
    await page.goto(`${cloud.url}/staff/#/subsidy/standards`);
    await page.getByRole('heading', { name: '支付标准', exact: true }).waitFor();
    await page.getByRole('button', { name: '查看 高龄补贴' }).click();
    await page.getByRole('heading', { name: '高龄补贴' }).waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('请填写文件文号').waitFor();
    await page.getByLabel(/^80—89周岁/).fill('40');
    await page.getByLabel('生效日期').fill(`${YEAR}-01-01`);
    await page.keyboard.press('Enter');
    await page.getByLabel('文件文号').fill(`台政办发〔${YEAR - 1}〕21号`);
    await page.getByLabel('文件标题').fill('关于提高高龄老人补贴标准的通知');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交，待另一人审核后生效。').waitFor();
    const pending = page.locator('#pending-1');
    await pending.waitFor();
    await pending.getByRole('button', { name: '审核通过' }).click();
    await confirm(page, '审核通过');
    await pending.getByText('录入人不能审核自己录入的标准，须由另一人审核').waitFor();
    await expectNoLeaks(page);
    await shot(page, 'county-standard-maker-refused');

    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, cloud.url, '/subsidy/standards', '扶贫开发领导小组');
    await page.getByRole('button', { name: '查看 高龄补贴' }).click();
    expect(await page.getByRole('button', { name: '提交审核' }).count()).toBe(0);
    await page.locator('#pending-1').getByRole('button', { name: '审核通过' }).click();
    await confirm(page, '审核通过');
    await page.locator('#standard-in-force', { hasText: '80—89周岁 40.00 元' }).waitFor();
    await expectNoLeaks(page);
    await shot(page, 'county-standard-approved');
    expect(errors).toEqual([]);
  });
});
