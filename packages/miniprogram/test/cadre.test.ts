import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { manifest as identification } from '../../../services/identification/src/manifest.js';
import { manifest as wechat } from '../../../services/wechat/src/manifest.js';
import { call, type LocalCloud, startTestCloud, startWechatStandIn, type WechatStandIn } from '../../local-cloud/src/index.js';
import { type FakeWx, fire, installWx, launchApp, openPage, takePhoto, textOf, until } from './support.js';

describe('cadre pages: WeChat binding, tasks, household card, visits with photos, offline visits (local cloud)', () => {
  let cloud: LocalCloud;
  let standIn: WechatStandIn;
  let wx: FakeWx;
  let householdId = '';
  let headName = '';

  beforeAll(async () => {
    wx = installWx();
    standIn = await startWechatStandIn();
    standIn.configure();
    cloud = await startTestCloud(inject('dynamoEndpoint'), [identification, wechat], { demo: true });
    wx.storage.set('jingzhun.api-base', cloud.url);
    wx.nextLoginCode = () => standIn.issueCode('openid-helper-fengzhuang');
    launchApp();
  }, 180_000);
  afterAll(async () => {
    await cloud?.stop();
    await standIn?.stop();
  });

  it('binds this WeChat with the code made in the console, then signs in as that account', async () => {
    const console = await cloud.login('village-fengzhuang');
    const made = await call(cloud, 'POST', '/wechat/binding-codes', { token: console, body: { app: 'miniprogram' } });
    const page = await openPage('sign-in');
    expect(textOf(page)).toContain('绑定码');
    await fire(page.querySelector('#bind'), 'tap');
    expect(textOf(page)).toContain('请输入电脑端显示的 8 位绑定码');
    await fire(page.querySelector('#wechat'), 'tap');
    await until(() => textOf(page).includes('尚未绑定'));
    await fire(page.querySelector('#binding-code'), 'change', { value: made.body.code.toLowerCase() });
    await fire(page.querySelector('#bind'), 'tap');
    await until(() => wx.navigations.includes('/pages/tasks/index'));
    const session = wx.storage.get('jingzhun.session') as { user: { sub: string; region: string } };
    expect(session.user).toMatchObject({ sub: 'village-fengzhuang', region: '370405103201' });
    expect(wx.requests.some((r) => r.url.endsWith('/public/wechat/bind') && r.method === 'POST')).toBe(true);
  });

  it('lists the village’s households with the visit due, and opens a household card', async () => {
    const tasks = await openPage('tasks');
    await until(() => tasks.instance.data.tasks.length > 0);
    expect(textOf(tasks)).toContain('走访任务');
    expect(textOf(tasks)).toContain('尚未走访，请尽快入户');
    const first = tasks.instance.data.tasks[0];
    householdId = first.householdId;
    headName = first.headName;
    await fire(tasks.querySelectorAll('.task')[0], 'click');
    expect(wx.navigations.at(-1)).toBe(`/pages/household/index?householdId=${householdId}`);
    const card = await openPage('household', { householdId });
    await until(() => textOf(card).includes('帮扶责任人'));
    expect(textOf(card)).toContain(headName);
    expect(textOf(card)).toContain('还没有走访记录');
    await fire(card.querySelector('#record-visit'), 'tap');
    expect(wx.navigations.at(-1)).toContain(`/pages/visit/index?householdId=${householdId}`);
  });

  it('records a visit with a photo (compressed under 300 KB); a photo too large even compressed is refused with the sizes', async () => {
    const page = await openPage('visit', { householdId, headName });
    await fire(page.querySelector('#found'), 'change', { value: '家中老人慢性病，药费负担重' });
    await fire(page.querySelector('#done'), 'change', { value: '讲解了慢病签约服务' });
    wx.nextMedia = [takePhoto(wx, 'door', 400 * 1024), takePhoto(wx, 'huge', 2100 * 1024)];
    await fire(page.querySelector('#add-photo'), 'tap');
    await until(() => page.instance.data.photos.length === 1);
    expect(page.instance.data.photoError).toMatch(/压缩后仍有 \d+ KB，超过 300 KB/);
    await fire(page.querySelector('#submit'), 'tap');
    await until(() => textOf(page).includes('走访记录已登记'));
    const token = await cloud.login('village-fengzhuang');
    const visits = await call(cloud, 'GET', `/households/${householdId}/visits`, { token });
    expect(visits.body.items).toHaveLength(1);
    expect(visits.body.items[0]).toMatchObject({ found: '家中老人慢性病，药费负担重', visitor: { sub: 'village-fengzhuang' } });
    const [photoId] = visits.body.items[0].photoIds;
    const photo = await fetch(`${cloud.url}/households/${householdId}/visit-photos/${photoId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(photo.status).toBe(200);
    expect((await photo.arrayBuffer()).byteLength).toBeLessThanOrEqual(300 * 1024);
  }, 60_000);

  it('keeps a visit saved without connection, shows it unsent, and sends it once when the phone is back online', async () => {
    const page = await openPage('visit', { householdId, headName });
    await fire(page.querySelector('#found'), 'change', { value: '无信号时登记的走访' });
    wx.online = false;
    await fire(page.querySelector('#submit'), 'tap');
    await until(() => textOf(page).includes('已保存在手机上'), 30_000).catch((error) => {
      throw new Error(`${error.message}: ${JSON.stringify({ ...page.instance.data, photos: undefined })}`);
    });
    expect((wx.storage.get('jingzhun.unsent-visits') as unknown[]).length).toBe(1);
    const tasks = await openPage('tasks');
    await until(() => textOf(tasks).includes('有 1 条走访记录尚未发送'), 30_000);
    const before = wx.requests.length;
    wx.setOnline(true);
    await until(() => ((wx.storage.get('jingzhun.unsent-visits') as unknown[]) ?? []).length === 0, 30_000);
    const puts = wx.requests.slice(before).filter((r) => r.method === 'PUT' && r.url.includes('/visits/'));
    expect(puts).toHaveLength(1);
    const token = await cloud.login('village-fengzhuang');
    const visits = await call(cloud, 'GET', `/households/${householdId}/visits`, { token });
    expect(visits.body.items.filter((v: { found: string }) => v.found === '无信号时登记的走访')).toHaveLength(1);
    await fire(tasks.querySelector('#send-now'), 'tap');
    expect(wx.requests.slice(before).filter((r) => r.method === 'PUT' && r.url.includes('/visits/'))).toHaveLength(1);
  }, 90_000);
});
