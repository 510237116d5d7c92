import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { call } from '@jingzhun/local-cloud/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../services/identification/src/demo/people.js';
import { pick, signIn } from './console-support.js';
import { shot, useBrowserSystem } from './support.js';
import { visibleLeaks } from './sweep.js';

/**
 * 识别 in the console, as each role does it in headless Chromium, never typing JSON, a code or an
 * id: a village cadre registers an applicant and takes it through survey (a photo uploaded as a
 * file), the group's appraisal and the first 公示 (built by ticking households); a town reviews
 * an application whose two 公示 have closed; a department uploads its comparison list and reads
 * the per-row report.
 */
const HEAD = { name: '赵春生', idNumber: makeIdNumber('1968-05-17', 611) };
const SPOUSE = { name: '钱桂兰', idNumber: makeIdNumber('1970-02-03', 622) };
const FILES = mkdtempSync(join(tmpdir(), 'jz-ident-web-'));
const PHOTO = join(FILES, '入户照片.png');
const SCAN = join(FILES, '镇审核表.pdf');
writeFileSync(PHOTO, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
writeFileSync(SCAN, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('识别 in the console (headless Chromium)', { timeout: 240_000 }, () => {
  const system = useBrowserSystem();
  let cloud: LocalCloud;
  let page: Page;
  let errors: string[];
  beforeAll(() => {
    ({ cloud, page, errors } = system);
  });

  afterAll(async () => {
    if (cloud) await call(cloud, 'POST', '/dev/clock', { body: { now: null } });
  });

  async function noLeaks(name: string) {
    expect(await visibleLeaks(page), name).toEqual([]);
    await shot(page, name);
  }

  async function signOut() {
    await page.getByRole('button', { name: '退出登录' }).click();
  }

  /** Opens an offered step's dialog, fills its evidence names, uploads a file into row `fileRow`. */
  async function takeStep(step: string, refs: string[], file?: { row: number; path: string }) {
    await page.getByRole('button', { name: step, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const refInputs = dialog.getByLabel(/名称或文号$/);
    for (const [index, ref] of refs.entries()) await refInputs.nth(index).fill(ref);
    if (file) {
      await dialog.locator('input[type=file]').nth(file.row).setInputFiles(file.path);
      await dialog.getByText('重新选择文件').first().waitFor();
    }
    return dialog;
  }

  it('a village cadre registers an applicant: checked steps, ID-number check next to the field, derived birth date', async () => {
    await signIn(page, cloud.url, '/households/new', '冯庄村两委');
    await page.getByRole('heading', { name: '登记申请户' }).waitFor();
    // Step 1 is checked before step 2.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请填写村民小组，如：三组').waitFor();
    await page.getByLabel('村民小组').fill('三组');
    await pick(page, '主要致贫原因', '因病');
    await noLeaks('console-ident-register-basic');
    await page.getByRole('button', { name: '下一步' }).click();

    // A wrong check character is refused in Chinese next to the field; the right one shows the birth date.
    await page.getByLabel('成员 1 姓名').fill(HEAD.name);
    const wrong = HEAD.idNumber.slice(0, 17) + (HEAD.idNumber.endsWith('1') ? '2' : '1');
    await page.getByLabel('成员 1 身份证号').fill(wrong);
    await page.getByRole('button', { name: '下一步' }).click();
    await page
      .locator('.ant-form-item-explain-error', { hasText: /校验|身份证/ })
      .first()
      .waitFor();
    await page.getByLabel('成员 1 身份证号').fill(HEAD.idNumber);
    await page.getByText('出生日期 1968-05-17').waitFor();
    await page.getByRole('button', { name: '添加成员' }).click();
    await page.getByLabel('成员 2 姓名').fill(SPOUSE.name);
    await page.getByLabel('成员 2 身份证号').fill(SPOUSE.idNumber);
    await pick(page, '成员 2 与户主关系', '配偶');
    await noLeaks('console-ident-register-members');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('工资性收入（元/年）').fill('2400');
    await page.getByRole('button', { name: '下一步' }).click();
    // The application and the authorisation are asked for before sending.
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('请填写农户申请书的名称或编号').waitFor();
    await page.getByLabel('申请书名称或编号').fill('赵春生户建档立卡申请书');
    await page.getByLabel('授权书名称或编号').fill('赵春生户核查授权书');
    await noLeaks('console-ident-register-housing');
    await page.getByRole('button', { name: '提交申请' }).click();

    await page.getByRole('heading', { name: `${HEAD.name} 户` }).waitFor();
    await page.getByText('1,200.00 元').first().waitFor();
    expect(await page.locator('main').textContent()).toContain(SPOUSE.name);
    await noLeaks('console-ident-household-applied');
  });

  it('… takes it through survey (photo uploaded as a file, shown as a thumbnail) and the group appraisal; only the offered steps are buttons', async () => {
    const card = page.locator('.ant-card', { hasText: '流程操作' });
    await card.getByRole('button', { name: '入户调查' }).waitFor();
    expect(await card.getByRole('button').allTextContents()).toEqual(['入户调查']);
    // Photos must be a file: the step is not sent without one.
    let dialog = await takeStep('入户调查', ['冯庄村入户调查表第12号']);
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请上传照片').waitFor();
    await dialog.locator('input[type=file]').nth(1).setInputFiles(PHOTO);
    await dialog.getByAltText('入户照片缩略图').waitFor();
    await noLeaks('console-ident-survey-dialog');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card.getByRole('button', { name: '村民小组评议' }).waitFor();
    const thumb = page.locator('.ant-card', { hasText: '证据材料' }).locator('img').first();
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await noLeaks('console-ident-surveyed');

    dialog = await takeStep('村民小组评议', ['三组评议会议记录', '三组表决结果']);
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('已小组评议').first().waitFor();
    // History: each change as before → after, in Chinese.
    await page.getByText('当前环节：已入户调查 → 已小组评议').waitFor();
    await noLeaks('console-ident-group-reviewed');
  });

  it('… and posts the first 公示 by ticking the household on the village list', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByText('名单公示').click();
    await page.getByRole('heading', { name: '名单公示' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: HEAD.name });
    await row.waitFor();
    await noLeaks('console-ident-notice-list');
    await row.locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: '发起公示' }).click();
    await page.getByRole('dialog').getByText('公开 7 天').waitFor();
    await noLeaks('console-ident-notice-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '发起公示' }).click();
    await page.getByText('已发起公示，共 1 户').waitFor();
    await row.waitFor({ state: 'detached' });

    await page.goto(`${cloud.url}/staff/#/households?name=${encodeURIComponent(HEAD.name)}`);
    await page.locator('.ant-table-row', { hasText: '第一次公示中' }).waitFor();
    await page.getByRole('link', { name: HEAD.name }).click();
    await page.getByText('正在公示，公示期结束且无异议后才能继续').waitFor();
    await noLeaks('console-ident-notice-pending');
    expect(errors).toEqual([]);
  });

  it('a town reviews an application whose two 公示 have closed: 镇审核 with its form uploaded as a scan', async () => {
    // Set-up through the API (the village's and county's steps are shown above): a second application
    // past both notices, the windows closed by the notices service's daily job.
    const village = await cloud.login('village-fengzhuang');
    const county = await cloud.login('county');
    const created = await call(cloud, 'POST', '/households', {
      token: village,
      body: {
        region: '370405103201',
        group: '五组',
        mainCause: '02',
        income: { year: 2017, wageFen: 200000, businessFen: 0, businessCostFen: 0, transferFen: 0, propertyFen: 0 },
        welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
        housing: { dangerGrade: null, safeDrinkingWater: true },
        members: [{ name: '孙德胜', idNumber: makeIdNumber('1955-11-30', 633), relation: 'head', health: 'disabled', disabilityGrade: 2, laborCapacity: 'none' }],
        evidence: [
          { kind: 'application', ref: '申请书' },
          { kind: 'authorisation', ref: '授权书' },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.householdId as string;
    let version = created.body.version as number;
    const act = async (token: string, action: string, evidence: { kind: string; ref: string }[], extra: object = {}) => {
      const response = await call(cloud, 'POST', `/households/${id}/actions`, { token, body: { version, action, evidence, ...extra } });
      expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(200);
      version = response.body.version;
    };
    const closeNotices = async () => {
      await cloud.drain();
      expect((await call(cloud, 'POST', '/dev/clock', { body: { advanceDays: 10 } })).status).toBe(200);
      expect((await call(cloud, 'POST', '/dev/jobs/notices/close-expired-windows', { body: {} })).status).toBe(200);
      await cloud.drain();
      await cloud.drain();
      version = (await call(cloud, 'GET', `/households/${id}`, { token: county })).body.version;
    };
    await act(village, 'SURVEY', [
      { kind: 'survey', ref: '入户调查表' },
      { kind: 'photos', ref: '照片' },
    ]);
    await act(village, 'GROUP_REVIEW', [
      { kind: 'minutes', ref: '记录' },
      { kind: 'vote', ref: '表决' },
    ]);
    await act(village, 'POST_NOTICE', []);
    await closeNotices();
    await act(county, 'COMPARE', [{ kind: 'comparison', ref: '比对结果' }]);
    await act(village, 'ASSEMBLY_REVIEW', [{ kind: 'minutes', ref: '村民代表会议记录' }], { meeting: { date: '2018-03-20', total: 30, present: 25, inFavour: 22 } });
    await act(village, 'POST_NOTICE', []);
    await closeNotices();
    expect((await call(cloud, 'GET', `/households/${id}`, { token: county })).body.workflow?.state).toBe('NOTICE2_CLEARED');

    await signOut();
    await signIn(page, cloud.url, '/households', '涧头集镇');
    await page.getByLabel('户主姓名').fill('孙德胜');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: '孙德胜' }).click();
    await page.getByRole('heading', { name: '孙德胜 户' }).waitFor();
    const card = page.locator('.ant-card', { hasText: '流程操作' });
    await card.getByRole('button', { name: '镇审核' }).waitFor();
    expect((await card.getByRole('button').allTextContents()).sort()).toEqual(['不予通过', '镇审核'].sort());
    await noLeaks('console-ident-town-household');

    const dialog = await takeStep('镇审核', ['涧头集镇审核表第5号'], { row: 0, path: SCAN });
    await noLeaks('console-ident-town-review-dialog');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('镇已审核').first().waitFor();
    await page.locator('.ant-card', { hasText: '证据材料' }).getByText('查看扫描件').waitFor();
    await noLeaks('console-ident-town-reviewed');
    expect(errors).toEqual([]);
  });

  it('a department uploads its comparison list: a broken row is reported by its number, a good list gives its counts', async () => {
    await signOut();
    await signIn(page, cloud.url, '/comparisons/import', '区公安分局');
    await page.getByRole('heading', { name: '比对名单上传' }).waitFor();
    await pick(page, '名单类别', '公安死亡注销');
    const broken = join(FILES, '死亡注销名单-有误.csv');
    writeFileSync(broken, `身份证号,姓名,说明\n${HEAD.idNumber},${HEAD.name},2018年3月死亡\n${HEAD.idNumber.slice(0, 17)}0,无名,\n`);
    await page.locator('input[type=file]').setInputFiles(broken);
    await page.getByRole('button', { name: '上传并比对' }).click();
    await page.getByText('第 3 行').waitFor();
    await noLeaks('console-ident-comparison-rows');

    const good = join(FILES, '死亡注销名单.csv');
    writeFileSync(good, `身份证号,姓名,说明\n${HEAD.idNumber},${HEAD.name},2018年3月死亡\n${makeIdNumber('1940-01-01', 999)},外区人员,\n`);
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: '上传并比对' }).click();
    await page.getByText('名单已导入并完成比对').waitFor();
    const counts = (await page.locator('.ant-descriptions').textContent()) ?? '';
    expect(counts).toContain('2 行');
    expect(counts).toContain('1 条');
    await noLeaks('console-ident-comparison-done');
    expect(errors).toEqual([]);
  });

  it('a village cadre records a birth with its certificate, registers the head’s 一卡通 account (a wrong card number refused next to the field) and a member moving out', async () => {
    await signOut();
    await signIn(page, cloud.url, '/households', '冯庄村两委');
    await page.locator('.ant-table-row', { hasText: '在册贫困户' }).first().getByRole('link').click();
    await page.getByRole('heading', { name: / 户$/ }).waitFor();
    const members = page.locator('.ant-card', { hasText: '家庭成员' });

    await members.getByRole('button', { name: '新增成员' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('新成员 姓名').fill('赵小宝');
    await dialog.getByLabel('新成员 身份证号').fill(makeIdNumber('2017-12-01', 644));
    await dialog.getByText('出生日期 2017-12-01').waitFor();
    await dialog.getByLabel('变更日期').fill('2017-12-20');
    await dialog.getByLabel('变更日期').press('Enter');
    await dialog.getByLabel('出生证明名称或文号').fill('出生医学证明 R370123456');
    await noLeaks('console-ident-add-member');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await members.getByText('赵小宝').waitFor();

    await members.getByRole('button', { name: '一卡通账户' }).click();
    dialog = page.getByRole('dialog');
    await pick(page, '开户银行', '山东台儿庄农村商业银行');
    await dialog.getByLabel('账号').fill('6228480402564890011');
    await dialog.getByLabel('登记或更正理由').fill('户主新办社保卡');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('银行卡号校验位不正确，请核对卡号').waitFor();
    await dialog.getByLabel('账号').fill('6228 4804 0256 4890 018');
    await noLeaks('console-ident-account');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await members.getByText('山东台儿庄农村商业银行 尾号 0018').waitFor();
    expect(await members.textContent()).not.toContain('6228480402564890018');

    await members.getByRole('button', { name: '成员减少' }).click();
    dialog = page.getByRole('dialog');
    await pick(page, '成员', '赵小宝');
    await dialog.getByText('迁出（已迁出）').click();
    await dialog.getByLabel('变更日期').fill('2018-01-05');
    await dialog.getByLabel('变更日期').press('Enter');
    await dialog.getByLabel('户籍记录名称或文号').fill('户口迁移证 第0021号');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await members.locator('.ant-table-row', { hasText: '赵小宝' }).getByText('已迁出').waitFor();
    await noLeaks('console-ident-member-moved-out');
    expect(errors).toEqual([]);
  });
});
