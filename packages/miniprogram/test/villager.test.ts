import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeIdNumber } from '../../../services/identification/src/demo/people.js';
import { manifest as identification } from '../../../services/identification/src/manifest.js';
import { manifest as notices } from '../../../services/notices/src/manifest.js';
import { manifest as subsidy } from '../../../services/subsidy/src/manifest.js';
import { call, type LocalCloud, startTestCloud } from '../../local-cloud/src/index.js';

import { cellTitled, type FakeWx, fire, installWx, openPage, textOf, until } from './support.js';

let cloud: LocalCloud;
let wx: FakeWx;
let noticeId = '';
const VILLAGE = '370405103201';
beforeAll(async () => {
  wx = installWx();
  cloud = await startTestCloud(inject('dynamoEndpoint'), [identification, notices, subsidy], { demo: true });
  wx.storage.set('jingzhun.api-base', cloud.url);
  // A notice in force in 冯庄村, as the village committee posts it.
  const notice = await call(cloud, 'POST', '/notices', {
    token: await cloud.login('county'),
    body: {
      type: 'entry-first',
      region: VILLAGE,
      title: '冯庄村贫困户识别第一次公示',
      publish: true,
      entries: [{ entryId: 'mp-entry-1', fullName: '钱有田', group: '五组', region: VILLAGE, fields: { size: 2 } }],
    },
  });
  expect(notice.status, JSON.stringify(notice.body)).toBeLessThan(300);
  noticeId = notice.body.noticeId;
}, 240_000);
afterAll(() => cloud?.stop());

describe('villager pages (no sign-in)', () => {
  it('home: the villager entries and the cadres’ entry', async () => {
    const page = await openPage('index');
    expect(textOf(page)).toContain('查看本村公示');
    await fire(page.querySelector('#to-regions'), 'click');
    await fire(page.querySelector('#to-tasks'), 'click');
    expect(wx.navigations.slice(-2)).toEqual(['/pages/regions/index', '/pages/sign-in/index']);
  });

  it('county → town → village', async () => {
    const page = await openPage('regions');
    expect(textOf(page)).toContain('台儿庄区');
    await fire(page.querySelectorAll('.region')[0], 'click');
    await until(() => textOf(page).includes('涧头集镇'));
    expect(textOf(page)).toContain('选择镇（街道）');
    await fire(cellTitled(page, '.region', '涧头集镇'), 'click');
    await until(() => textOf(page).includes('选择村'));
    await fire(cellTitled(page, '.region', '冯庄村'), 'click');
    expect(wx.navigations.at(-1)).toBe('/pages/village/index?code=370405103201');
  });
});

describe('villager notices, objection and payments lookup (local cloud)', () => {
  it('a village’s notices, a notice’s masked list, shared as a card', async () => {
    const list = await openPage('village', { code: VILLAGE });
    await until(() => list.instance.data.notices.length > 0);
    expect(textOf(list)).toContain('冯庄村贫困户识别第一次公示');
    await fire(cellTitled(list, '.notice', '冯庄村贫困户识别第一次公示'), 'click');
    expect(wx.navigations.at(-1)).toMatch(/^\/pages\/notice\/index\?noticeId=/);
    const page = await openPage('notice', { noticeId });
    await until(() => page.instance.data.entries.length > 0);
    expect(textOf(page)).toContain('姓名已部分隐去');
    expect(page.instance.data.entries[0].name).not.toBe('钱有田');
    expect(textOf(page)).not.toContain('钱有田');
    expect(page.instance.onShareAppMessage()).toEqual({ title: page.instance.data.title, path: `/pages/notice/index?noticeId=${noticeId}` });
    await fire(page.querySelectorAll('.entry')[0], 'click');
    expect(wx.navigations.at(-1)).toBe(`/pages/objection/index?noticeId=${noticeId}&entryNo=${page.instance.data.entries[0].no}`);
  });

  it('lodges an objection and follows its outcome by the number', async () => {
    const page = await openPage('objection', { noticeId, entryNo: '1' });
    await fire(page.querySelector('#lodge'), 'tap');
    expect(textOf(page)).toContain('请写明异议内容');
    await fire(page.querySelector('#reason'), 'change', { value: '该户家中有小轿车' });
    await fire(page.querySelector('#contact'), 'change', { value: '13905370405' });
    await fire(page.querySelector('#lodge'), 'tap');
    await until(() => page.instance.data.receipt !== '');
    const number = page.instance.data.number;
    expect(textOf(page)).toContain(`受理编号 ${number}`);
    await fire(page.querySelector('#lookup'), 'tap');
    await until(() => Boolean(page.instance.data.status.statusName));
    expect(page.instance.data.status).toMatchObject({ number, entryNo: 1, status: 'open' });
    expect(textOf(page)).toContain('答复期限');
    const unknown = await openPage('objection', {});
    await fire(unknown.querySelector('#number'), 'change', { value: 'ZZZZZZZZZZ' });
    await fire(unknown.querySelector('#lookup'), 'tap');
    await until(() => unknown.instance.data.error !== '');
  });

  it('looks up one’s own household’s payments: a bad ID number is refused in Chinese; no published payment gives the empty answer', async () => {
    const page = await openPage('payments');
    await fire(page.querySelector('#head-name'), 'change', { value: '王建国' });
    await fire(page.querySelector('#id-number'), 'change', { value: '123' });
    await fire(page.querySelector('#lookup'), 'tap');
    await until(() => page.instance.data.error !== '');
    expect(page.instance.data.error).toMatch(/[\u4e00-\u9fa5]/);
    // The typed client checked the ID number against the contract before sending anything.
    expect(wx.requests.filter((r) => r.url.endsWith('/public/payments/lookup'))).toHaveLength(0);
    await fire(page.querySelector('#id-number'), 'change', { value: makeIdNumber('1960-03-05', 7) });
    await fire(page.querySelector('#lookup'), 'tap');
    await until(() => page.instance.data.searched && !page.instance.data.busy && page.instance.data.error === '');
    expect(wx.requests.filter((r) => r.url.endsWith('/public/payments/lookup') && r.method === 'POST')).toHaveLength(1);
    expect(textOf(page)).toContain('没有查到已公布的发放记录');
  });
});
