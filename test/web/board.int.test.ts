import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalCloud } from '@jingzhun/local-cloud/cloud';
import { call } from '@jingzhun/local-cloud/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../packages/platform/src/dynamo.js';
import { buildWeb, explainFailures, launch, shot, startSystem, watchErrors } from './support.js';
import { expectNoCodesVisible } from './sweep.js';

const FENGZHUANG = '370405103201';
const PERIOD = '2017-06';
const DAY_MS = 24 * 3600_000;

/**
 * A villager on a phone (390×844), as issue 14 asks: opens a notice link shared in WeChat (the old
 * `#/` form too), reads the masked list as cards, lodges an objection with a phone number (a bad one
 * first, refused next to the field before anything is sent), gets the short number, looks up the
 * outcome once staff have decided it, picks the village (single choices made for them) and looks up
 * the household's own payments. Every page visited is swept for codes, ids and English.
 */
// A browser journey takes many round trips; on a loaded 2-core machine 30 s is too tight.
describe('public board: a villager on a phone, from a shared link to the outcome', { timeout: 180_000 }, () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let page: Page;
  let noticeId: string;
  let newerNoticeId: string;
  let village: string;
  let head: { name: string; idNumber: string; items: string[] };
  let errors: string[];
  const failures = explainFailures();

  beforeAll(async () => {
    const t0 = Date.now();
    const [dist, chrome] = await Promise.all([buildWeb(), launch()]);
    browser = chrome;
    const t1 = Date.now();
    cloud = await startSystem(inject('dynamoEndpoint'), dist, (line) => console.log(new Date().toISOString(), line));
    console.log(`web build + chromium ${t1 - t0} ms, system with demo data ${Date.now() - t1} ms`);
    village = await cloud.login('village-fengzhuang');
    const county = await cloud.login('county');
    const entries = [
      { entryId: 'hh-1', fullName: '张三丰', group: '一组', region: FENGZHUANG, regionName: '冯庄村', fields: { size: 3, action: '拟脱贫退出' } },
      { entryId: 'hh-2', fullName: '李四', group: '二组', region: FENGZHUANG, regionName: '冯庄村', fields: { size: 2, action: '拟脱贫退出' } },
    ];
    // Posted yesterday: in its window today (公示中). A second one posted today opens tomorrow (待公示).
    process.env.JZ_CLOCK_OFFSET_MS = String(-DAY_MS);
    const created = await call(cloud, 'POST', '/notices', {
      token: village,
      body: { type: 'exit-village-notice', region: FENGZHUANG, title: '冯庄村2019年拟退出贫困户公示', publish: true, entries },
    });
    delete process.env.JZ_CLOCK_OFFSET_MS;
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    noticeId = created.body.noticeId;
    const newer = await call(cloud, 'POST', '/notices', {
      token: village,
      body: { type: 'exit-village-notice', region: FENGZHUANG, title: '冯庄村2019年第二批拟退出贫困户公示', publish: true, entries: entries.slice(0, 1) },
    });
    expect(newer.status, JSON.stringify(newer.body)).toBeLessThan(300);
    newerNoticeId = newer.body.noticeId;

    // The month's roster of 冯庄村, computed and approved by the county: what the payments page shows.
    let run = (await call(cloud, 'POST', '/subsidy/runs', { token: county, body: { period: PERIOD, region: FENGZHUANG } })).body;
    for (let i = 0; i < 300 && run.status === 'RUNNING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await call(cloud, 'GET', `/subsidy/runs/${PERIOD}/${FENGZHUANG}`, { token: county })).body;
    }
    expect(run.status).toBe('COMPLETED');
    expect((await call(cloud, 'POST', `/subsidy/rosters/${PERIOD}/${FENGZHUANG}/approve`, { token: county, body: { expectedAttempt: run.attempt } })).status).toBe(200);
    const lines = (await call(cloud, 'GET', `/subsidy/rosters/${PERIOD}/${FENGZHUANG}/lines?village=${FENGZHUANG}&limit=100`, { token: county })).body.items as {
      householdId: string;
      nameZh: string;
      status: string;
      amountFen: number;
    }[];
    const documents = createDocumentClient(cloud.endpoint);
    const payees = await documents.send(
      new ScanCommand({ TableName: cloud.tableName('subsidy'), FilterExpression: 'entity = :e AND village = :v', ExpressionAttributeValues: { ':e': 'payees', ':v': FENGZHUANG } }),
    );
    documents.destroy();
    for (const item of payees.Items ?? []) {
      const own = lines.filter((line) => line.householdId === item.householdId && line.status === 'payable' && line.amountFen > 0);
      const person = (item.payees as { relation: string; name: string; idNumber: string }[]).find((p) => p.relation === 'head');
      if (person && own.length > 0) {
        head = { name: person.name, idNumber: person.idNumber, items: own.map((line) => line.nameZh) };
        break;
      }
    }
    expect(head, 'a head of household with a payment on the approved roster').toBeDefined();

    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    errors = watchErrors(page);
    failures.watch(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
  });

  it('opens a shared notice link (old # form moves to the path), reads the masked list as cards, with the status word', async () => {
    await page.goto(`${cloud.url}/#/notice/${noticeId}`);
    await page.getByRole('heading', { name: '冯庄村2019年拟退出贫困户公示' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/notice/${noticeId}`);
    expect(new URL(page.url()).hash).toBe('');
    // The path form opens the same page straight from the server (a link WeChat stripped of its #).
    await page.goto(`${cloud.url}/notice/${noticeId}`);
    await page.getByRole('heading', { name: '冯庄村2019年拟退出贫困户公示' }).waitFor();
    await page.getByText('公示中', { exact: true }).waitFor();
    await page.getByText('张**').waitFor();
    expect(await page.content()).not.toContain('张三丰');
    // ≤ 480 px: each line is a card, the column names are beside the values, the header row is hidden.
    const row = page.locator('tbody tr').first();
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect((await page.locator('thead').boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
    expect(
      await row
        .locator('td')
        .nth(4)
        .evaluate((td) => getComputedStyle(td, '::before').content),
    ).toBe('"家庭人口"');
    await expectNoCodesVisible(page, { label: 'notice page' });
    await shot(page, 'board-notice');
  });

  let number: string;

  it('lodges an objection: a bad phone is refused next to the field before sending, then the short number is given', async () => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/objections')) posts.push(request.url());
    });
    await page.getByRole('button', { name: '对第 1 条提出异议' }).click();
    await page.getByLabel('异议内容').fill('该户家中仍有重病人员，收入不稳定，不应退出。');
    await page.getByLabel('联系电话（可不填）').fill('12345');
    await page.getByRole('button', { name: '提交异议' }).click();
    const contactError = page.locator('#objection-contact-error');
    await contactError.waitFor();
    expect(await contactError.textContent()).toContain('11位手机号码');
    expect(await page.getByLabel('联系电话（可不填）').getAttribute('aria-invalid')).toBe('true');
    expect(posts, 'the bad number is refused in the page, nothing is sent').toEqual([]);
    await expectNoCodesVisible(page, { label: 'objection form with errors' });
    await shot(page, 'board-objection-errors');

    await page.getByLabel('联系电话（可不填）').fill('138 0013 8000');
    await page.getByRole('button', { name: '提交异议' }).click();
    await page.getByRole('heading', { name: '异议已受理' }).waitFor();
    number = ((await page.locator('.objection-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(posts).toHaveLength(1);
    await expectNoCodesVisible(page, { allow: [number], label: 'objection receipt' });
    await shot(page, 'board-objection-lodged');

    const staff = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: village });
    expect(staff.body.items).toEqual([expect.objectContaining({ number, entryNo: 1, contact: '13800138000', status: 'open' })]);
  });

  it('looks up the outcome by the number: under investigation, then the decision staff made', async () => {
    await page.getByRole('button', { name: '查询处理结果' }).click();
    await page.getByRole('heading', { name: '调查核实中' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/objection');
    await expectNoCodesVisible(page, { allow: [number], label: 'objection status (open)' });

    const staff = await call(cloud, 'GET', `/notices/${noticeId}/objections`, { token: village });
    const objectionId = staff.body.items[0].objectionId;
    const decided = await call(cloud, 'POST', `/notices/${noticeId}/objections/${objectionId}/decision`, {
      token: village,
      body: { outcome: 'rejected', reason: '经入户核实，该户收入稳定超过标准' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    // Later, from the menu, typing the number as people do (lower case, a space).
    await page.getByRole('link', { name: '异议结果查询' }).click();
    await page.getByRole('heading', { name: '异议处理结果查询' }).waitFor();
    await page.getByLabel('受理编号').fill(`${number.slice(0, 5).toLowerCase()} ${number.slice(5)}`);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '异议不成立' }).waitFor();
    await page.getByText('该条按原名单继续办理').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('经入户核实');
    await expectNoCodesVisible(page, { allow: [number], label: 'objection status (decided)' });
    await shot(page, 'board-objection-outcome');
    // A number that does not exist: a plain sentence next to the field.
    await page.getByLabel('受理编号').fill('2222222222');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#objection-number-error').waitFor();
    expect(await page.locator('#objection-number-error').textContent()).toContain('没有找到');
  });

  it('picks the village (the single county is chosen for them) and sees its notices newest first with their status words', async () => {
    await page.getByRole('link', { name: '公示查询' }).click();
    await page.getByRole('heading', { name: '扶贫公示公告查询' }).waitFor();
    // Only one county: chosen, and the town list offered at once.
    await page.waitForFunction(() => (document.getElementById('pick-county') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent === '台儿庄区');
    await page.getByLabel('镇（街道）').selectOption({ label: '涧头集镇' });
    await page.getByLabel('村', { exact: true }).selectOption({ label: '冯庄村' });
    await page.getByRole('heading', { name: '冯庄村' }).waitFor();
    const links = page.getByRole('list', { name: '本村公示', exact: true }).getByRole('listitem');
    await links.first().waitFor();
    const texts = await links.allTextContents();
    // The village has other notices too (the demo's asset-income notices): these two, newer first.
    const newer = texts.findIndex((t) => t.includes('冯庄村2019年第二批拟退出贫困户公示'));
    const older = texts.findIndex((t) => t.includes('冯庄村2019年拟退出贫困户公示'));
    expect(newer).toBeGreaterThanOrEqual(0);
    expect(older).toBeGreaterThan(newer);
    expect(texts[newer]).toContain('待公示');
    expect(texts[older]).toContain('公示中');
    expect(await page.getByRole('link', { name: '冯庄村2019年第二批拟退出贫困户公示' }).getAttribute('href')).toBe(`/notice/${newerNoticeId}`);
    await page.getByText('扶贫资金分配和项目公开').waitFor();
    await page
      .getByRole('link', { name: /涧头集镇2018年扶贫项目/ })
      .first()
      .waitFor();
    await expectNoCodesVisible(page, { label: 'village page' });
    await shot(page, 'board-village');
    // The address keeps the choice: reopening it (or sharing it) lands on the same village.
    expect(new URL(page.url()).searchParams.get('village')).toBe(FENGZHUANG);
  });

  it('opens the village’s project and sees its budget, progress, money paid and masked beneficiaries', async () => {
    const projects = page.getByRole('list', { name: '本村扶贫项目' });
    await projects.getByRole('link', { name: '冯庄村村级光伏扶贫电站' }).click();
    await page.getByRole('heading', { name: '冯庄村村级光伏扶贫电站', level: 1 }).waitFor();
    const overview = (await page.getByRole('list', { name: '项目概况' }).textContent()) ?? '';
    expect(overview).toContain('600,000.00 元');
    expect(overview).toContain('已拨付资金');
    expect(overview).toMatch(/100%|70%/);
    const payments = (await page.getByRole('region', { name: '资金拨付' }).textContent()) ?? '';
    expect(payments).toContain('2019年6月28日');
    expect(payments).toContain('400,000.00 元');
    const heads = (await page.getByRole('region', { name: '受益户名单（姓名已隐去）' }).textContent()) ?? '';
    expect(heads).toContain('*');
    expect(new URL(page.url()).pathname).toMatch(/^\/project\//);
    await expectNoCodesVisible(page, { label: 'project page' });
    await shot(page, 'board-project');
    await page.goBack();
    await page.getByRole('heading', { name: '冯庄村' }).waitFor();
  });

  it('looks up the household’s own payments by the head’s name and ID number', async () => {
    await page.getByRole('link', { name: '补贴发放查询' }).click();
    await page.getByRole('heading', { name: '补贴发放查询' }).waitFor();
    await page.getByLabel('户主姓名').fill(head.name);
    // A mistyped last character: the checksum is checked in the page.
    const wrong = head.idNumber.slice(0, 17) + (head.idNumber.endsWith('0') ? '1' : '0');
    await page.getByLabel('户主身份证号').fill(wrong);
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#id-number-error').waitFor();
    expect(await page.locator('#id-number-error').textContent()).toContain('校验位');
    await page.getByLabel('户主身份证号').fill(head.idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    const table = page.getByRole('region', { name: /本户已审核的补贴/ });
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    for (const item of head.items) expect(text).toContain(item);
    expect(text).toContain('2017年6月');
    expect(text).toContain('已审核，待发放');
    expect(await page.content()).not.toContain(head.idNumber);
    await expectNoCodesVisible(page, { label: 'payments page' });
    await shot(page, 'board-payments');
    expect(errors).toEqual([]);
  });

  it('a lost connection is explained in Chinese with a retry, never a blank page', async () => {
    await page.route('**/public/villages/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${cloud.url}/?county=370405000000&town=370405103000&village=${FENGZHUANG}`);
    const alert = page.getByRole('alert').filter({ hasText: '网络连接中断' });
    await alert.waitFor({ timeout: 20_000 });
    await expectNoCodesVisible(page, { label: 'offline village page' });
    await shot(page, 'board-offline');
    await page.unroute('**/public/villages/**');
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByRole('link', { name: '冯庄村2019年拟退出贫困户公示' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('serves /openapi.json from the same server, and unknown API paths stay JSON 404s', async () => {
    const doc = await call(cloud, 'GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/public/objections/{number}'].get.operationId).toBe('notices.public.objectionStatus');
    const missing = await call(cloud, 'GET', '/public/nothing-here');
    expect([missing.status, missing.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const page404 = await fetch(`${cloud.url}/payments`);
    expect(page404.headers.get('content-type')).toContain('text/html');
  });
});
