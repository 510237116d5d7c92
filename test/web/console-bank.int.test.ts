import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { systemClock } from '@jingzhun/platform';
import { identificationApi } from '@jingzhun/types';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../services/identification/src/demo/people.js';
import { migratedHousehold } from '../../services/identification/src/domain/register.js';
import { createHousehold, unitOfWork } from '../../services/identification/src/store/households.js';
import { idGuardKey } from '../../services/identification/src/store/keys.js';
import { pick, signIn } from './console-support.js';
import { shot, useBrowserSystem } from './support.js';
import { visibleLeaks } from './sweep.js';

/**
 * A registered household whose main cause is 缺资金 with a working-age member, written as the
 * demo loader writes households (its events reach scoring's projection): the applicant whose ID
 * card the bank is shown. The demo's own households date from 2018; none is of rating age today.
 */
async function registerApplicant(): Promise<{ name: string; idNumber: string }> {
  const idNumber = makeIdNumber('1986-05-12', 321);
  const body = identificationApi.CreateHouseholdBody.parse({
    region: FENGZHUANG,
    group: '3组',
    mainCause: '09',
    secondaryCauses: [],
    income: { year: 2025, wageFen: 300_000, businessFen: 150_000, businessCostFen: 0, transferFen: 50_000, oneOffTransferFen: 0, propertyFen: 0 },
    welfare: { food: true, clothing: true, education: true, medical: true, housing: true, water: true },
    housing: { dangerGrade: 'B', safeDrinkingWater: true },
    members: [{ name: '孔繁荣', idNumber, relation: 'head', laborCapacity: 'full', health: 'healthy' }],
    helper: { name: '刘志强', unit: '台儿庄区扶贫办', from: '2016-03-01' },
    evidence: [{ kind: 'application', ref: '申请书' }],
  });
  let n = 0;
  const householdId = '01HDTESTBANKAPPLICANT00000';
  const record = migratedHousehold(body, 'REGISTERED', {
    householdId,
    nextId: () => `01HMTESTBANKAPPLICANT0000${n++}`,
    today: '2025-03-01',
    registeredAt: '2015-12-31',
    lines: [],
  });
  const uow = unitOfWork(systemClock, { next: () => `01HETESTBANKAPPLICANT${String(n++).padStart(5, '0')}` }, { sub: 'test', role: 'county' });
  createHousehold(uow, record, 'MIGRATE', ['registered']);
  for (const member of record.members) uow.create({ ...idGuardKey(member.idNumber), entity: 'id-guard', householdId, memberId: member.memberId });
  await uow.commit();
  return { name: '孔繁荣', idNumber };
}

const FENGZHUANG = '370405103201';

describe('a bank rates a member and records a loan, in the console', { timeout: 300_000 }, () => {
  const system = useBrowserSystem();
  let cloud: LocalCloud;
  let page: Page;
  let errors: string[];
  beforeAll(() => {
    ({ cloud, page, errors } = system);
  });

  it('finds the applicant by ID card, picks the borrower, scores, then lends within the credit line', async () => {
    const applicant = await registerApplicant();
    // The household's events reach scoring's projection through the relay.
    await cloud.drain();
    await signIn(page, cloud.url, '/credit/rate', '农业银行台儿庄支行');
    await page.getByRole('heading', { name: '农户信用评级' }).waitFor();
    // The bank's menu has no register.
    expect(await page.getByRole('navigation', { name: '主导航' }).textContent()).not.toContain('农户名册');

    // A wrong name for a real number: the same answer as an unknown number, next to nothing personal.
    await page.getByLabel('身份证号码').fill(applicant.idNumber);
    await page.getByLabel('姓名').fill('张冒名');
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByText('未找到身份证号与姓名都相符的建档立卡户成员').waitFor();
    await shot(page, 'bank-lookup-miss');

    await page.getByLabel('姓名').fill(applicant.name);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByText('评级所需信息', { exact: true }).waitFor();
    expect(await page.getByText(`${applicant.name}（申请人）`).count()).toBe(1);
    expect(await visibleLeaks(page)).toEqual([]);

    // Out of range: the form says so before sending.
    await page.getByLabel('信用记录（0–30 分）').fill('45');
    await page.getByLabel('还款能力（0–25 分）').click();
    expect(await page.getByLabel('信用记录（0–30 分）').inputValue()).toBe('30');
    await page.getByLabel('还款能力（0–25 分）').fill('22');
    await page.getByLabel('生产项目（0–20 分）').fill('16');
    await page.getByLabel('家庭资产（0–10 分）').fill('7');
    await page.getByLabel('村组评价（0–15 分）').fill('13');
    await shot(page, 'bank-rating-form');
    await page.getByRole('button', { name: '提交评级' }).click();
    await page.getByText('评级完成：AAA 级（优秀）').waitFor();
    expect(await page.getByText('授信额度 50,000.00 元').count()).toBe(1);
    await shot(page, 'bank-rating-done');

    await page.getByRole('button', { name: '去发放贷款' }).click();
    await page.getByRole('heading', { name: '扶贫小额信贷' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: applicant.name });
    await row.waitFor();
    expect(await visibleLeaks(page)).toEqual([]);
    await row.getByRole('button', { name: '发放贷款' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Above the credit line: the field holds the amount to the line.
    await dialog.getByLabel('贷款金额（元）').fill('60000');
    await dialog.getByLabel('贷款用途').fill('扩大养殖规模，购买种羊');
    expect(await dialog.getByLabel('贷款金额（元）').inputValue()).toBe('50000.00');
    await pick(page, '期限', '36 个月');
    await shot(page, 'bank-loan-dialog');
    await dialog.getByRole('button', { name: '确认发放' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '本行贷款' }).click();
    const loan = page.getByRole('tabpanel', { name: '本行贷款' }).locator('.ant-table-row', { hasText: applicant.name });
    await loan.waitFor();
    const text = (await loan.textContent()) ?? '';
    expect(text).toContain('50,000.00 元');
    expect(text).toContain('36 个月');
    expect(text).toContain('正常');
    expect(await visibleLeaks(page)).toEqual([]);
    await shot(page, 'bank-loans');
    expect(errors).toEqual([]);
  });
});
